# check-stdout
# nll_loss with no classes (C = 0): every target must be ignore_index (else IndexError); the loss
# is 0 per target for reduction='none', 0 for 'sum', NaN (0/0) for 'mean', and the input's gradient
# is empty. A 3-d (or 5+-d) empty input is viewed as (N, C, 0, 0) against a (N, 1, -1) target:
# nll_loss2d's size mismatch; a 4-d one goes to nll_loss2d as it is. With reduction='none' a 3-d or
# 5+-d input's loss is that view of nll_loss2d's result (ViewBackward0; in-place: AsStridedBackward0).
# An ignored target's gradient is +0.0 (PyTorch's backward writes nothing there).
import torch
import torch.nn.functional as F
def run(shape, target, ig, red):
    x = torch.zeros(shape, requires_grad=True)
    try:
        y = F.nll_loss(x, torch.tensor(target, dtype=torch.int64), ignore_index=ig, reduction=red)
    except RuntimeError as e:
        return 'RuntimeError'
    except IndexError as e:
        return 'IndexError'
    y.sum().backward()
    return (tuple(y.shape), y.grad_fn.name(), torch.isnan(y).flatten().tolist(), (y == 0).flatten().tolist(), tuple(x.grad.shape))
for red in ['none', 'sum', 'mean']:
    print(red)
    print(' ', run((1, 0), [0], 0, red), run((2, 0), [0, 0], 0, red), run((2, 0), [-100, -100], -100, red))
    print(' ', run((2, 0), [0, 1], 0, red), run((0, 0), [], 0, red))
    print(' ', run((2, 0, 3), [[1, 1, 1], [1, 1, 1]], 1, red), run((1, 0, 2, 2), [[[0, 0], [0, 0]]], 0, red))
    print(' ', run((1, 0, 2, 2), [[[0, 0], [1, 0]]], 0, red), run((2, 0, 0), [[], []], 0, red))
    print(' ', run((1, 0, 1, 1, 2), [[[[0, 0]]]], 0, red), run((0,), 0, 0, red), run((0,), [0], 0, red))
v1 = torch.zeros(1, 0, requires_grad=True)
v5 = F.nll_loss(v1, torch.tensor([0], dtype=torch.int64), ignore_index=0, reduction='none')
v5.sum().backward()
for shape, t in [((2, 3, 4), [[0, 1, 2, 1], [2, 2, 0, 1]]), ((2, 3, 1, 1, 2), [[[[0, 1]]], [[[2, 1]]]]), ((2, 3, 2), [[0, 1], [1, 2]]),
                 ((2, 3), [0, 1]), ((3,), 1), ((2, 0, 0), [[], []])]:
    for red in ['none', 'sum', 'mean']:
        x = torch.arange(torch.zeros(shape).numel(), dtype=torch.float32).reshape(shape).requires_grad_(True)
        y = F.nll_loss(x * 1, torch.tensor(t, dtype=torch.int64), reduction=red, ignore_index=1)
        print(shape, red, y.grad_fn.name(), tuple(y.shape), y.is_contiguous())
        y.sum().backward()
        print(' ', (1 / x.grad < 0).flatten().tolist(), (x.grad == -1).flatten().tolist())
        if red == 'none':
            x.grad = None
            y = F.nll_loss(x * 1, torch.tensor(t, dtype=torch.int64), reduction=red, ignore_index=1)
            y += 1
            if y.dim() > 0:
                y[0] *= 2
            print(' ', y.grad_fn.name(), (y == 1).flatten().tolist())
            y.sum().backward()
            print(' ', (1 / x.grad < 0).flatten().tolist(), (x.grad == -2).flatten().tolist())
