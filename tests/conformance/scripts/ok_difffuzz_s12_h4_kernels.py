# Kernel details of PyTorch 1.13 that the differential fuzzer found (session 12, h4).
import torch
import torch.nn.functional as F

# arange with int64 bounds: the length (end - start + step - sign) / step in int64, which wraps at
# the extremes (an empty result), with the step exactly as given (not rounded to a double).
print(torch.arange(False, 0, step=-9223372036854775807))
print(torch.arange(0, 5, 9223372036854775807))
print(torch.arange(-9223372036854775807, 9223372036854775807, 9223372036854775807))
print(torch.arange(1, -9223372036854775807, -9223372036854775807))
print(torch.arange(0, 10, 2**62), torch.arange(3, 9007199254740993, 9007199254740990))

# log1p of a subnormal float loses its last bit (SLEEF); log1p(1e-45) is 0, so its log is -inf.
x = torch.tensor([1e-45, -1e-45, 3e-45, 5e-45, 1e-40, -0.0, 1e-30])
print(x.log1p().tolist(), torch.tensor(1e-45).log1p().log())

# lerp: fused multiply-adds, w < 0.5 ? fma(w, end - x, x) : fma(w - 1, end - x, end)
a = torch.tensor([2.1, 0.1, 0.48, -1.3, 0.7])
b = torch.tensor(1.3)
w = torch.tensor([2.8, 2.3, 1.11, -0.7, 0.3])
print(torch.lerp(a, b, w).tolist(), torch.lerp(a, b, -0.7).tolist(), torch.lerp(a, b, 2.3).tolist())
print(torch.lerp(a.double(), b.double(), w.double()).tolist())

# nll_loss skips an ignored target (its loss is +0.0, never -(x * 0): NaN for -inf, -0.0 for x > 0)
v = torch.tensor([-float('inf'), 0.8], dtype=torch.float64, requires_grad=True)
for r in ['none', 'sum', 'mean']:
    print(r, F.nll_loss(v, torch.tensor([-2, 2]), ignore_index=-2, reduction=r))
m = torch.tensor([[1., 2.], [3., float('inf')], [-float('inf'), 0.5]], requires_grad=True)
t = torch.tensor([1, 0, 0])
for r in ['none', 'sum', 'mean']:
    l = F.nll_loss(m, t, ignore_index=0, reduction=r)
    print(r, l)
    l.sum().backward()
print(m.grad)
print(F.cross_entropy(torch.tensor([[-float('inf'), 1.], [2., 3.]]), torch.tensor([0, 1]), ignore_index=0))

# a small bmm (contraction * rows * cols < 400) is PyTorch's own loop: products summed in order,
# unfused, so -inf + 3e38 * 1.8 overflows to NaN (mm, through BLAS, keeps -inf)
p = torch.tensor([[[-float('inf'), 3e38, 1.73], [-1e-30, 1.8, 1.45]]])
q = torch.tensor([[[3e38, 1.0], [1.8, 2.0], [0.08, 3.0]]])
print(torch.bmm(p, q), p @ q, p[0] @ q[0])

# advanced indexing: the result has TensorIterator's layout (x[..., idx] is row-major), which
# in-place random ops fill in memory order
torch.manual_seed(38)
x = torch.tensor([[0.52, 0.37, 1.51, 1.9], [-2.62, -3.0, 0.01, -1.9], [1.22, 2.99, 2.92, 0.52]])
print(x[..., torch.tensor([0, 1])].bernoulli_())
y = torch.zeros(2, 3, 3)
print(y[..., torch.tensor([0, 0, 2]), torch.tensor([2, 0, 2])].bernoulli_())
print(y[torch.tensor([1, 0]), :, torch.tensor([2, 1])].bernoulli_())
print(y.transpose(0, 2)[torch.tensor([1, 0])].bernoulli_())
