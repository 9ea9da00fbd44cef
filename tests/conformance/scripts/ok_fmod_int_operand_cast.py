import torch
# integer fmod casts both operands to the result dtype first (a 0-d int64 -4 is 252 for uint8)
a = torch.tensor([7, 200, 0, 3], dtype=torch.uint8)
print(a.fmod(torch.tensor(-4)), torch.fmod(a, torch.tensor(300, dtype=torch.int16)))
b = a.clone()
b.fmod_(torch.tensor(-1))
print(b)
c = torch.tensor([7, -100, 0, -3], dtype=torch.int8)
print(c.fmod(torch.tensor(-4, dtype=torch.uint8)), c.fmod(torch.tensor(253)))
print(a.fmod(-4), c.fmod(-4))
try:
    a.fmod(torch.tensor(256))
except RuntimeError as e:
    print("RuntimeError", e)
