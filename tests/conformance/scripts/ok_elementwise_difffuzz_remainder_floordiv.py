# Differential-fuzzer find: Python's % and // on tensors (PyTorch's remainder and floor_divide):
# the remainder takes the divisor's sign, the quotient rounds down; d/da = 1, d/db = -floor(a/b).
import torch
a = torch.tensor([5.0, -5.0, 5.5, -0.0, 3.0, 7.25], requires_grad=True)
b = torch.tensor([3.0, 3.0, -2.0, 2.0, -0.5, 2.0], requires_grad=True)
r = a % b
r.sum().backward()
q = a.detach() // b.detach()
i = torch.tensor([7, -7, 7, -7]) % torch.tensor([3, 3, -3, -3])
j = torch.tensor([7, -7, 7, -7]) // torch.tensor([3, 3, -3, -3])
k = 7 % torch.tensor([2.0, -3.0])
l = torch.tensor([7, 8]) // 2.5
m = torch.remainder(torch.tensor([1.5, -2.5]), 1)
n = torch.floor_divide(torch.tensor([-7.5, 7.5], dtype=torch.float64), 2)
