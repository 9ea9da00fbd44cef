import torch
# torch.where with a Python number: PyTorch makes the number a scalar tensor of the result dtype
# (a checked conversion), so a number that does not fit raises.
u = torch.tensor([5, 0], dtype=torch.uint8)
i8 = torch.tensor([5, -3], dtype=torch.int8)
f = torch.tensor([1.5, -2.0])
b = torch.tensor([True, False])
for t in [u, i8, f, b]:
    for val in [9007199254740993, 255, 256, -1, -255, -256, 127, 128, -129, 300, 2**40, 2.5, 1e10, 1e39, -1e39, float('inf'), True]:
        for k in range(2):
            try:
                r = torch.where(t != 0, t, val) if k == 0 else torch.where(t != 0, val, t)
                print(val, k, r, r.dtype)
            except RuntimeError as e:
                print(val, k, 'RuntimeError', e)
print(torch.where(b, 2**40, 3), torch.where(b, 1, 2.5))
