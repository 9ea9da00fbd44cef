# Differential-fuzzer find: prod backward with a zero multiplies the products before and after
# each element (PyTorch's prod_safe_zeros_backward), so one that overflows gives inf * 0 = NaN.
import torch
x = torch.tensor([[[1.0, -2.06], [3e38, 0.19]], [[0.58, -2.42], [0.0, 3e38]]], requires_grad=True)
x.prod().backward()
y = torch.tensor([[3e38, 0.0, 3e38, 2.0], [1.0, 0.0, 0.0, 3.0]], requires_grad=True)
y.prod(1).sum().backward()
z = torch.tensor([[3e38, 0.0, 3e38, 2.0], [1.0, 0.0, 0.0, 3.0]], requires_grad=True)
z.prod(0, keepdim=True).sum().backward()
w = torch.tensor([2.0, 0.0, 0.0, 3.0], requires_grad=True)
gw = torch.autograd.grad(w.prod(), [w], create_graph=True)[0]
