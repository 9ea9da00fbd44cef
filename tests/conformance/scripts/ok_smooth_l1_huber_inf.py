# smooth_l1_loss / huber_loss: an infinite difference has gradient +-1 (times the reduction), not
# NaN (the square's branch must not see inf); NaN keeps a NaN gradient.
import torch
import torch.nn.functional as F
for dt in [torch.float32, torch.float64]:
    x = torch.tensor([float('inf'), -float('inf'), 0.5, 1.0, -1.0, 3.0, 0.0, float('nan')], dtype=dt, requires_grad=True)
    for beta in [1.0, 0.5]:
        for red in ['mean', 'none']:
            y = F.smooth_l1_loss(x, torch.zeros_like(x), beta=beta, reduction=red)
            g, = torch.autograd.grad(y.sum(), x)
            print(y, g)
    for delta in [0.5, 2.0]:
        y = F.huber_loss(x, torch.zeros_like(x), delta=delta)
        print(y, torch.autograd.grad(y, x)[0])
