# check-stdout
# torch.inference_mode(): a context manager and a decorator; tensors made inside are inference
# tensors; mode=False leaves grad mode alone.
import torch
x = torch.ones(1, 2, 3, requires_grad=True)
with torch.inference_mode():
    y = x * x
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(y.requires_grad, y.is_inference(), x.is_inference(), torch.is_inference_mode_enabled())
@torch.inference_mode()
def f(a):
    return a * 2
z = f(x)
print(z.requires_grad, z.is_inference())
with torch.inference_mode(mode=False):
    q = x * 2
print(q.requires_grad, q.is_inference())
with torch.inference_mode(False):
    print(torch.is_grad_enabled())
print((y + 1).is_inference(), y.sum().item())
with torch.inference_mode():
    c = torch.ones(3)
    c.add_(1)
print(c, c.view(3).is_inference(), c.clone().is_inference())
d = c.clone()
d.add_(1)
print(d)
