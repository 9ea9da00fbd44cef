# Differential-fuzzer find: squeeze_/unsqueeze_/t_ of a tensor with history gave its node a
# regenerated view node whose base shape was the new one (FloorBackward0 then got a gradient of
# the wrong shape).
import torch
x = torch.tensor([[-2.03]], requires_grad=True)
y = torch.floor(x)
y.squeeze_()
g = torch.autograd.grad(y.sum(), [x], retain_graph=True)[0]
x2 = torch.tensor([[-2.0, 1.5]], requires_grad=True)
y2 = x2.neg()
y2.squeeze_()
y2.unsqueeze_(0)
y2.t_()
(y2 * torch.tensor([[1.0], [3.0]])).sum().backward()
