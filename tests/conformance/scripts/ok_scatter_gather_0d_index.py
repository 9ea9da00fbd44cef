import torch
# A 0-d index is one element at coordinate 0 along every dim (tensorlens read an uninitialized
# coordinate and crashed: difffuzz seed 101 #3963).
x = torch.tensor([0.69, 3e38, 1.1, 0.760, -2.090], dtype=torch.float32)
i = torch.tensor(2, dtype=torch.int64)
print(x.clone().scatter_add_(-1, i, torch.tensor([5.0, 6.0])))
print(x.clone().scatter_(0, i, torch.tensor([7.0])))
print(x.clone().scatter_(0, i, 1.5))
print(torch.gather(x, 0, i))
m = torch.arange(6.0).reshape(2, 3)
for f in [lambda: m.clone().scatter_add_(1, torch.tensor(1), torch.ones(2, 3)), lambda: torch.gather(m, 1, torch.tensor(2))]:
    try:
        print(f())
    except RuntimeError as e:
        print("RuntimeError", e)
try:
    x.scatter_add_(-1, i, x)
except RuntimeError as e:
    print("RuntimeError", e)
