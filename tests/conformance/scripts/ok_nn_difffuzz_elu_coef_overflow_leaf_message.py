# F.elu / celu convert alpha, scale and 1 / alpha (celu) to the tensor's type, checked: an
# overflow is a RuntimeError (float64 takes anything); an in-place op on a leaf that requires grad
# fails with PyTorch's message, no op name in front.
import torch
import torch.nn.functional as F

x = torch.tensor([-1.0, 2.0])
cases = [(F.celu, dict(alpha=1e-45), x), (F.celu, dict(alpha=1e-45), x.double()), (F.elu, dict(alpha=1e39), x),
         (F.elu, dict(alpha=-1e39), x), (F.celu, dict(alpha=1e39), x), (F.celu, dict(alpha=float('inf')), x),
         (F.elu, dict(alpha=float('inf')), x), (F.celu, dict(alpha=1e-45), torch.zeros(0)),
         (F.celu, dict(alpha=1e-45), torch.tensor([1, 2])), (F.celu, dict(alpha=1e-45, inplace=True), x.clone())]
for f, kw, t in cases:
    try:
        print(f(t, **kw))
    except Exception as e:
        print(type(e).__name__, str(e))
y = torch.tensor([-1.0], requires_grad=True)
for f in [lambda: F.selu(y, inplace=True), lambda: F.celu(y, inplace=True), lambda: F.hardswish(y, inplace=True),
          lambda: y.add_(1), lambda: y.uniform_(), lambda: y.zero_(), lambda: y.bernoulli_(), lambda: y.exp_()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e))
