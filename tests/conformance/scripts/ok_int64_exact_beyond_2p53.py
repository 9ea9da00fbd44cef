# int64 values beyond 2^53 stay exact: printed, and as the Python-int operand of arithmetic,
# fill_, clamp and pow (2**53 + 1 is not a double).
import torch
x = torch.tensor([9007199254740993, -9007199254740993, 5, 2**62 + 1])
print(x)
print(torch.tensor([[9007199254740993, 1], [3, 4]]))
print(x + 1, x * 1, x - 2)
print(torch.tensor([True, False]) + 9007199254740993)
print(9007199254740993 - torch.tensor([1, 2]))
print(torch.add(torch.tensor([1]), 9007199254740993))
print(torch.tensor([1, 2]).fill_(9007199254740993))
print(torch.tensor([1, 2]).clamp(9007199254740993), torch.tensor([1, 2]).clamp_min(9007199254740993))
print(torch.tensor([5, 100], dtype=torch.uint8).clamp(-1, 50))
print(torch.tensor([-1, 5]) ** 9007199254740993)
print(torch.tensor([3, -1]).pow_(9007199254740993))
