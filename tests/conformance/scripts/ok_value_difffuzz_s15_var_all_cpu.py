# check-stdout
# var / std reduced to one element: PyTorch 1.13's std_var_all_cpu sums (x - mean)^2 in one double,
# one element after another in x's memory order (one thread), not pairwise or by Welford
# (difffuzz seed 1329: a std of 1.3e38 one ulp off, then rounded to hundreds)
import torch
torch.manual_seed(3)
v0 = torch.tensor([-1.9, 2.90, 3e38, 2.94, 2.0], dtype=torch.float64)
print(torch.std(v0).item(), torch.var(v0).item(), torch.round(torch.std(v0, None), decimals=-2).item())
for shape in [(5,), (2, 3), (7, 1), (100,), (3, 40), (50, 70)]:
    x = torch.randn(shape, dtype=torch.float64) * 10 + 3
    print(shape, torch.var(x).item(), torch.std(x).item(), torch.var(x, unbiased=False).item(), torch.var(x.float()).item())
x = torch.randn(4, 5, 6, dtype=torch.float64).permute(2, 0, 1)
print(torch.var(x).item(), torch.std(x, (0, 1, 2), keepdim=True).tolist())
y = torch.randn(30, 20, dtype=torch.float64) + 50
print(torch.std(y.t()).item(), torch.var(y[:, ::3]).item())
