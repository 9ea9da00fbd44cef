# randn_like/rand_like fill empty_like's layout (a transposed input: its memory order); an expanded
# target of an in-place random fill is refused before any number is drawn.
import torch
torch.manual_seed(0)
v = torch.zeros(2, 5).transpose(0, 1)
print(torch.randn_like(v))
print(torch.rand_like(v))
x = torch.zeros(1).expand(3)
for f in [lambda: x.random_(3), lambda: x.uniform_(), lambda: x.normal_(), lambda: x.bernoulli_(), lambda: x.exponential_()]:
    try:
        f()
    except RuntimeError as e:
        print('refused')
print(torch.randn(2))
