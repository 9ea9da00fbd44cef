# Differential-fuzzer find: Tensor.unfold's gradient copies g into zeros when the windows do not
# overlap (step >= size: a -0.0 stays); overlapping windows are summed (+0.0 start).
import torch
v0 = torch.tensor([[[-3.0, -1.47, -1.75, 0.7, -2.58], [-0.0, 0.71, -0.2, 0.15, 0.6]]], requires_grad=True)
v0.unfold(-1, 2, 2).pow(2).sum().backward()
print(v0.grad, 1 / v0.grad)
v0.grad = None
v0.unfold(2, 2, 3).pow(2).sum().backward()
print(v0.grad, 1 / v0.grad)
v0.grad = None
v0.unfold(2, 5, 1).pow(2).sum().backward()
print(v0.grad, 1 / v0.grad)
v0.grad = None
v0.unfold(2, 3, 2).pow(2).sum().backward()
print(v0.grad, 1 / v0.grad)
x = torch.tensor(-0.0, requires_grad=True)
(x.unfold(0, 1, 1) * 2).sum().backward()
print(x.grad, 1 / x.grad)
