# logical_and/or/xor convert both inputs to their result type first (PyTorch's comparison_op
# iterator): a 0-d int64 tensor 2**62 or 256 next to an int8 tensor is 0 in int8.
import torch
i8 = torch.tensor([1, -2], dtype=torch.int8)
a = i8.logical_and(torch.tensor(4611686018427387904, dtype=torch.int64))
b = i8.logical_or(torch.tensor(256))
c = i8.logical_xor(torch.tensor(256))
d = torch.tensor([0, 1], dtype=torch.uint8).logical_and(torch.tensor(257))
e = torch.tensor([0., 1.]).logical_or(torch.tensor(1e-50, dtype=torch.float64))
f = torch.tensor([0, 0], dtype=torch.int8).logical_or(torch.tensor(0.5))
g = torch.tensor([0, 0], dtype=torch.int32).logical_or(torch.tensor(2**32))
h = torch.logical_and(torch.tensor([True, False]), torch.tensor([0.5, 1e21]))
