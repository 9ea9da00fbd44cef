# random_() on an expanded tensor fails (overlapping memory) before drawing any number: the
# generator is where it was for the next draw.
import torch
torch.manual_seed(858)
x = torch.ones(3).expand(2, 3)
for f in (lambda: x.random_(), lambda: x.random_(5), lambda: x.uniform_(), lambda: x.normal_()):
    try:
        f()
    except RuntimeError as e:
        print(str(e)[:60])
print(torch.rand(3).tolist(), torch.normal(0, 2.5, []).item())
after = torch.rand(3)
