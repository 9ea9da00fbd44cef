# Differential-fuzzer find: int64 literals above 2^53 were rounded through a double.
# check-stdout
import torch
i = torch.tensor(9007199254740993)
j = torch.tensor([9007199254740993, -9223372036854775807, 4611686018427387905])
k = j + 2
print(i.item())
print(j[0].item(), j[1].item(), j[2].item())
print(k[0].item(), k[2].item())
