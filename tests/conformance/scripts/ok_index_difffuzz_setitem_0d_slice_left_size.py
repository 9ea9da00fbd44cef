# x0d[0:n] = v on a 0-d tensor: PyTorch 1.13's applySlice reads sizes[0] past the empty size list,
# which holds the size left there when the tensor was made 0-d in place (squeeze_(), or ops that
# resize / squeeze_ their result: max/min/kthvalue(dim), mse_loss, smooth_l1_loss,
# binary_cross_entropy); a fresh 0-d tensor holds 0. Only x0d[0:that] = v copies into the whole
# tensor; any other slice raises IndexError (difffuzz seeds 1201-1250: 9 of 500,000 programs).
import torch
import torch.nn.functional as F

def probe(label, x):
    ok = []
    for n in range(6):
        try:
            with torch.no_grad():
                x[0:n] = 1
            ok.append(n)
        except IndexError as e:
            pass
    print(label, ok)

probe("fresh", torch.tensor(2.))
probe("sum", torch.tensor([1., 2.]).sum())
x = torch.tensor([3.])
x.squeeze_()
probe("squeeze_", x)
probe("squeeze_ detach", x.detach())
probe("squeeze_ data", x.data)
probe("squeeze_ view", x.view(()))
probe("squeeze_ clone", x.clone())
x = torch.zeros(1, 1)
x.t_()
x.squeeze_()
probe("t_ squeeze_", x)
y = torch.zeros(1, requires_grad=True) * 2
y.squeeze_(0)
probe("squeeze_.dim", y)
probe("kthvalue", torch.kthvalue(torch.tensor([-1, 2, 3]), 1)[0])
probe("kthvalue idx", torch.kthvalue(torch.tensor([-1., 2, 3]), 2)[1])
probe("kthvalue 0d", torch.kthvalue(torch.tensor(3.), 1)[0])
probe("median dim", torch.median(torch.tensor([1., 2, 3]), 0)[0])
probe("max dim", torch.max(torch.tensor([1., 2, 3]), 0)[0])
probe("min dim idx", torch.min(torch.tensor([1., 2, 3]), 0)[1])
probe("max 0d dim", torch.max(torch.tensor(1.), 0)[0])
probe("param", torch.nn.Parameter(torch.max(torch.tensor([1., 2, 3]), 0)[0]))
probe("mse", F.mse_loss(torch.tensor([[1.], [2.], [3.]]), torch.zeros(3, 1)))
probe("mse empty", F.mse_loss(torch.zeros(4, 0, dtype=torch.float64), torch.zeros(4, 0, dtype=torch.float64)))
probe("mse sum", F.mse_loss(torch.tensor([1., 2.]), torch.zeros(2), reduction="sum"))
probe("mse 0d", F.mse_loss(torch.tensor(1.), torch.tensor(0.)))
probe("smooth_l1", F.smooth_l1_loss(torch.tensor([1., 2., 3.]), torch.zeros(3)))
probe("bce", F.binary_cross_entropy(torch.tensor([0.5, 0.25]), torch.tensor([1., 0.])))
probe("l1", F.l1_loss(torch.tensor([1., 2., 3.]), torch.zeros(3)))
x = torch.tensor([3.])
x.squeeze_()
x[0:1] = torch.tensor([7.])
print(x)
try:
    x[0:0] = torch.tensor([1., 2.])
except Exception as e:
    print(type(e).__name__, e)
