import torch
x = torch.zeros(3, 4)
print(x[[0, 1], [1, 2]])
print(x[[0, 1], [1, 4]])  # expect-error
