# Differential-fuzzer find: nll_loss whose targets are all ignored (mean: a NaN loss) gives its
# input a zero gradient even when the loss's gradient is NaN or inf (PyTorch's nll_loss_backward
# writes nothing for ignored targets).
import torch
import torch.nn.functional as F
x = torch.tensor([2.220, -2.61, 1e-45], dtype=torch.float64, requires_grad=True)
for red in ['mean', 'sum', 'none']:
    y = F.nll_loss(x, torch.tensor([0, 3, 1]), ignore_index=0, reduction=red)
    print(red, y)
    y.pow(2).sum().mul(float('inf')).backward()
    print(x.grad)
    x.grad = None
    y = F.nll_loss(x[None], torch.tensor([0]), ignore_index=0, reduction=red)
    y.sum().mul(float('nan')).backward()
    print(x.grad)
    x.grad = None
e = torch.zeros(0, requires_grad=True)
print(F.nll_loss(e, torch.tensor([], dtype=torch.int64)), F.nll_loss(e, torch.tensor([], dtype=torch.int64), reduction='sum'))
