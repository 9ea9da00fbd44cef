# A comment before the import.
import torch


# x is a leaf.
x = torch.tensor([1.0, 2.0], requires_grad=True)   # trailing comment

y = x * x  # square

    # an indented comment line is fine
loss = y.sum()
loss.backward()
