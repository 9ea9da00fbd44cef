import torch
# PyTorch's matmul of a 2-D by a batch returns out.mT() itself when that is contiguous (out empty,
# or its matrices one row or column): a view, so an in-place op on it gives AsStridedBackward0.
torch.manual_seed(0)
for sa, sb in [((3, 0), (0, 0, 2)), ((1, 2), (4, 2, 3)), ((3, 2), (2, 4, 2, 1)), ((3, 2), (4, 2, 5)), ((2, 3, 2), (2, 5))]:
    a = torch.randn(*sa, requires_grad=True)
    b = torch.randn(*sb, requires_grad=True)
    w = torch.matmul(a, b)
    print(sa, sb, w.grad_fn.name())
    w.mul_(2.0)
    print(w.grad_fn.name(), w.grad_fn.next_functions[0][0].name())
    w.sum().backward()
    print(a.grad, b.grad)
    w = torch.matmul(a.detach(), b)
    w.pow_(torch.tensor([2.0]))
    print(w.grad_fn.name())
