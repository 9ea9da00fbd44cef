# torch.reshape takes the shape as one sequence (the method takes varargs): a TypeError.
import torch
x = torch.ones(2, 3)
y = x.reshape(3, 2)
z = torch.reshape(x, 3, 2)  # expect-error
