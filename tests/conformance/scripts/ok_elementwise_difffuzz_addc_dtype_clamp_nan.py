# Differential-fuzzer finds: addcmul/addcdiv compute self + value * t1 * t2 (or / t2) in the three
# tensors' result type (a 0-d float64 with a bool tensor: float64), value cast to it (an int type
# truncates 2.5 to 2); clamp with a NaN tensor bound is NaN there, with both number bounds and one
# NaN NaN everywhere (a NaN min or max number alone keeps x); the gradient is 0 where NaN.
import torch
i = torch.tensor([1, 2])
a1 = torch.addcmul(i, i, i, value=2.5)
a2 = torch.addcmul(i, i, i, value=True)
a3 = torch.addcmul(torch.tensor([True]), torch.tensor([1]), torch.tensor([2]), value=-1.7)
a4 = torch.addcmul(torch.tensor([1., 2.]), i, i, value=0.3)
a5 = torch.addcdiv(torch.tensor([1., 2.]), torch.tensor([1., 2.]), i, value=0.3)
a6 = torch.addcdiv(i, torch.tensor([1., 3.]), torch.tensor([3., 4.]), value=2)
d = torch.tensor(1.74, dtype=torch.float64, requires_grad=True)
b = torch.tensor([[False, False, True]])
a7 = torch.addcmul(d, b, d, value=-1.680)
a7.sum().backward()
x = torch.tensor([1., float('nan'), -2.], requires_grad=True)
n = torch.tensor(float('nan'))
c1 = torch.clamp(x, min=n)
c2 = torch.clamp(x, n, torch.tensor(1.))
c3 = torch.clamp(x, 0., float('nan'))
c4 = torch.clamp(x, min=float('nan'))
c5 = torch.clamp(torch.tensor(False), max=torch.tensor(float('nan'), dtype=torch.float64))
c6 = torch.clamp(x, torch.tensor([0., float('nan'), float('nan')]), torch.tensor(1.))
(c1.sum() + c2.sum() + c3.sum() + c4.sum() + c6.sum()).backward()
