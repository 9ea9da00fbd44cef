# A dim out of range is PyTorch's IndexError.
import torch
a = torch.ones(2, 3)
try:
    a.sum(5)
except IndexError:
    b = torch.zeros(1)
c = a.softmax(2)  # expect-error
