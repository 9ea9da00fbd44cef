import torch
# PyTorch's parser takes a Python number as the first argument of add/sub/mul/div/true_divide/floor_divide
# (a wrapped number), and sub's check tells two bool operands from one.
t = torch.tensor([True, False])
f = torch.tensor([1.5, 2.0])
i = torch.tensor([1, 2])
cases = [lambda: torch.sub(False, t), lambda: torch.sub(2, f), lambda: torch.add(2, f), lambda: torch.mul(2, f),
         lambda: torch.div(3, f), lambda: torch.true_divide(3, f), lambda: torch.floor_divide(3, f),
         lambda: torch.add(2, 3), lambda: torch.sub(True, f), lambda: torch.add(True, t), lambda: torch.mul(2, i),
         lambda: torch.div(3, i), lambda: torch.add(2.5, i), lambda: torch.add(2.5, 3), lambda: torch.mul(True, True),
         lambda: torch.add(2, torch.tensor(1.5, dtype=torch.float64)), lambda: torch.div(7, 2), lambda: torch.sub(1, t),
         lambda: torch.sub(t, t), lambda: t - t, lambda: t.sub(t), lambda: t.clone().sub_(t), lambda: torch.sub(t, True),
         lambda: t - True, lambda: True - t, lambda: f - True, lambda: True - f, lambda: torch.rsub(t, t),
         lambda: torch.sub(True, 1.5), lambda: torch.sub(f, True), lambda: f.clone().sub_(True)]
for k, fn in enumerate(cases):
    try:
        r = fn()
        print(k, r, r.dtype)
    except Exception as e:
        print(k, type(e).__name__, str(e))
