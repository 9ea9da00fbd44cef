# check-stdout
# Differential-fuzzer find: x.bernoulli_(p) with a probability outside [0, 1] (or NaN): PyTorch's
# serial kernel draws and writes the elements before it (in memory order), keeps the rest, then
# raises (RuntimeError); the generator has advanced by the drawn elements only.
import torch

torch.manual_seed(613)
v3 = torch.tensor([[float('inf'), -0.1, 1.40], [1.2, -2.180, 1.21], [-1.40, -0.330, -0.570]], dtype=torch.float64)
v4 = v3.clamp_max_(0.700)
try:
    v4.bernoulli_(v3)
except Exception as e:
    print(type(e).__name__)
w = torch.full((2, 3), 5.0)
p = torch.tensor([[0.3, 0.9, 0.5], [float('nan'), 0.5, 0.5]])
try:
    w.bernoulli_(p)
except Exception as e:
    print(type(e).__name__)
after = torch.rand(3)
t = torch.full((3, 2), 7.0).t()
try:
    t.bernoulli_(torch.tensor([[0.5, 0.5, 0.5], [2.0, 0.5, 0.5]]))
except Exception as e:
    print(type(e).__name__)
