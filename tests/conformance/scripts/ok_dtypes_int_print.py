# check-stdout
# The integer dtypes int32/int16/int8/uint8: factories with dtype=, printing as PyTorch does,
# dtype reprs and aliases, element_size, x.type(), conversions (wraparound and float truncation).
import torch
print(torch.zeros([2, 4], dtype=torch.int32))
print(torch.ones((2, 3), dtype=torch.int16), torch.full((2,), 7, dtype=torch.int8), torch.arange(5, dtype=torch.uint8))
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.int8), torch.tensor(5, dtype=torch.uint8), torch.empty(0, dtype=torch.int16))
print(torch.int, torch.short, torch.int8, torch.uint8, torch.int32 == torch.int, torch.int16 == torch.short)
x = torch.tensor([1, -2, 300], dtype=torch.int32)
print(x.dtype, x.element_size(), x.type(), x.is_signed(), torch.uint8.is_signed, torch.int8.is_floating_point)
for d in [torch.int32, torch.int16, torch.int8, torch.uint8]:
    y = torch.zeros(3, dtype=d)
    print(d, y.element_size(), y.type(), torch.zeros_like(y).dtype, torch.ones_like(x, dtype=d), torch.full_like(y, 3))
print(x.short(), x.char(), x.byte(), x.int(), x.long(), x.float(), x.double(), x.bool())
print(x.to(torch.int8), x.type(torch.uint8), x.type(torch.ShortTensor), x.to(dtype=torch.int16))
f = torch.tensor([300.7, -1.5, 2.9, -129.2, 70000.5])
print(f.byte(), f.char(), f.short(), f.int())
print(torch.tensor([255], dtype=torch.uint8) + 1, torch.tensor([127], dtype=torch.int8) + 1,
      torch.tensor([32767], dtype=torch.int16) * 2, torch.tensor([2147483647], dtype=torch.int32) + 1)
print(torch.tensor([0], dtype=torch.uint8) - 1, -torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([1], dtype=torch.int8) + 1000)
torch.manual_seed(3)
print(torch.randint(0, 256, (2, 3), dtype=torch.uint8), torch.randint(-5, 5, (4,), dtype=torch.int8))
print(torch.tensor([1, 2], dtype=torch.int32).tolist(), torch.tensor([7], dtype=torch.uint8).item(), type(torch.tensor(3, dtype=torch.int16).item()))
print(torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int16)[1][2], torch.tensor(200, dtype=torch.uint8))
print(torch.arange(6, dtype=torch.int32).view(2, 3), torch.arange(6, dtype=torch.int8).reshape(3, 2).t())
print(torch.cat([torch.ones(2, dtype=torch.int8), torch.ones(2, dtype=torch.int32)]), torch.stack([torch.ones(2, dtype=torch.uint8)] * 2))
