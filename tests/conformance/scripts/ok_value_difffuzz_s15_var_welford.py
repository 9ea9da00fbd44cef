# var / std over dims (more than one output): PyTorch 1.13 runs Welford per output in TensorIterator order,
# its AVX2 kernel fusing m2 + delta * new_delta (one output: two passes, std_var_all_cpu).
import torch
torch.manual_seed(0)
def show(t):
    print([repr(v) for v in t.flatten().tolist()])
x = torch.randn(4, 5, 6, dtype=torch.float64) * 1e3 + 1e6
show(x.var(-1))
show(x.var(0))
show(x.var((0, 2)))
show(x.transpose(0, 2).var((1, 2)))
show(x.permute(2, 0, 1).var(0, unbiased=False))
show(x.std(1, keepdim=True))
show(x.var(-1, correction=0) if False else x.var(-1, unbiased=False))
xf = (torch.randn(3, 7) * 100 + 1e4).float()
show(xf.var(1))
show(xf.std(0))
show(xf.t().var(0))
show(x[:, 1:4, ::2].var((1, 2)))
show(x.expand(2, 4, 5, 6).var(0))
big = torch.tensor([[2.3, 3e38, 3e38, 3e38, 3e38], [1e30, -0.6, 1.7, 2.41, 2.3]], dtype=torch.float64)
show(big.var(-1))
show(big.std(-1))
show(torch.tensor([[1.0], [2.0]]).var(1))
show(torch.zeros(0, 3).var(0))
show(torch.ones(2, 1).var(1, unbiased=False))
