# PyTorch's aliases: torch.subtract/multiply/divide, absolute, clip, arccos..., arctan2, greater/less/...,
# negative, fix, swapaxes, concat/concatenate, ger, moveaxis, and their in-place and method forms.
import torch
a = torch.tensor([[1., -2.], [0.5, 3.]], requires_grad=True)
b = torch.tensor([[2., 2.], [-1., 0.25]])
print(torch.subtract(a, b, alpha=2), a.subtract(1), torch.multiply(a, b), a.multiply(b), torch.divide(a, b), a.divide(2))
print(torch.absolute(a), torch.clip(a, -1, 1), a.clip(min=0), torch.arccos(a.clamp(-1, 1)), torch.arctan2(a, b))
print(torch.greater(a, 0), torch.less_equal(a, b), torch.not_equal(a, b), a.greater_equal(0), torch.less(a, b))
print(torch.negative(a), a.negative(), torch.fix(a * 1.5), a.swapaxes(0, 1), torch.swapaxes(a, 0, 1))
print(torch.concat([a, b]), torch.concatenate([a, b], dim=1), torch.ger(a[0], b[0]), torch.moveaxis(a, 0, 1))
c = b.clone(); c.subtract_(1); c.multiply_(2); c.divide_(4); c.absolute_(); c.clip_(0, 1); c.negative_(); c.arcsin_(); c.fix_(); print(c)
(torch.subtract(a, 1).sum() + torch.arctan2(a, b).sum() + torch.clip(a, 0, 1).sum()).backward(); print(a.grad)
