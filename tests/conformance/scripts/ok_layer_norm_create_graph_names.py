# Under create_graph every gradient of layer_norm (x, weight and bias) is an output of PyTorch's
# native_layer_norm_backward node: NativeLayerNormBackwardBackward0, grad_b included.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, dtype=torch.float64, requires_grad=True)
b = torch.randn(3, dtype=torch.float64, requires_grad=True)
y = F.layer_norm(x, (3,), w, b)
gx, gw, gb = torch.autograd.grad((y * y).sum(), [x, w, b], create_graph=True)
print(type(gx.grad_fn).__name__, type(gw.grad_fn).__name__, type(gb.grad_fn).__name__)
print(gb.requires_grad)
hx, hw = torch.autograd.grad(gx.pow(2).sum() + gb.sum(), [x, w])
print(hx, hw)
y = F.layer_norm(x.detach(), (3,), w, b)
gw, gb = torch.autograd.grad(y.sum(), [w, b], create_graph=True)
print(type(gw.grad_fn).__name__, type(gb.grad_fn).__name__)
y = F.layer_norm(x, (3,))
y.sum().backward(create_graph=True)
print(type(x.grad.grad_fn).__name__, x.grad)
