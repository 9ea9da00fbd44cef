# binary_cross_entropy's backward is PyTorch's binary_cross_entropy_backward: g (x - y) / max(x (1 - x), 1e-12),
# so a saturated sigmoid (x == 1.0 or x == 0 in float32) gives a finite gradient, not NaN or a
# cancelled one; the target's gradient is (log(1 - x) - log(x)) g. Each divided by N for 'mean'.
import torch
import torch.nn.functional as F
for dt in [torch.float32, torch.float64]:
    for red in ['mean', 'sum', 'none']:
        x = torch.tensor([-100.0, -2.711, 0.0, 20.0, 40.0, 1.5], dtype=dt, requires_grad=True)
        t = torch.tensor([0.3, 1.0, 0.0, 0.5, 1.0, 0.25], dtype=dt, requires_grad=True)
        p = torch.sigmoid(x)
        y = F.binary_cross_entropy(p, t, reduction=red)
        print(y)
        gx, gt = torch.autograd.grad(y.sum(), (x, t), create_graph=True)
        print(gx, gt)
        print(gx.grad_fn.name(), gt.grad_fn.name())
x = torch.tensor([0.2, 0.7, 0.5], requires_grad=True)
t = torch.tensor([0.0, 1.0, 0.5])
loss = torch.nn.BCELoss()(x, t)
loss.backward()
print(loss, x.grad)
x = torch.tensor([1e-7, 0.3, 0.999, 0.123456], requires_grad=True)
t = torch.tensor([0.5, 0.2, 0.1, 0.9], requires_grad=True)
for red in ['sum', 'mean']:
    y = F.binary_cross_entropy(x, t, reduction=red)
    gx, gt = torch.autograd.grad(y, (x, t), create_graph=True)
    print(red, gx, gt, gx.grad_fn.name(), gt.grad_fn.name())
