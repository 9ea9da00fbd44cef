# Integer linspace as PyTorch's kernel: start and end truncated to the dtype first, the step in
# double, the first half up from start and the second half down from end.
import torch
print(torch.linspace(-4, -2.8, 4, dtype=torch.int64))
print(torch.linspace(-0.28, -2.810, 4, dtype=torch.int64))
print(torch.linspace(-4, 3.7, 7, dtype=torch.int64))
print(torch.linspace(1.5, 9.9, 7, dtype=torch.int32))
print(torch.linspace(-3.5, 100.2, 20, dtype=torch.int16))
print(torch.linspace(10, 0, 7, dtype=torch.int64), torch.linspace(0.5, 7.2, 3, dtype=torch.uint8))
print(torch.linspace(-7, 93, 37, dtype=torch.int8))
