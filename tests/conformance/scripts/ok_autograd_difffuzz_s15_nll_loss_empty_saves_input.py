# check-stdout
import torch
import torch.nn.functional as F
# NllLossBackward0 saves its input also when input and target are empty (a (0,) input with a (0,)
# target): an in-place change of the input (even an empty write) fails backward. (Its backward of
# such an input itself crashes PyTorch 1.13, a segfault: not run here.)
for red in ['sum', 'mean', 'none']:
    x = torch.zeros(0, dtype=torch.float64, requires_grad=True)
    v = x * 1
    l = F.nll_loss(v, torch.tensor([], dtype=torch.int64), reduction=red)
    print(red, l, l.grad_fn.name())
    v[v > 0] = 1.0
    try:
        print(torch.autograd.grad(l.sum(), [x]))
    except RuntimeError as e:
        print(str(e)[:100])
