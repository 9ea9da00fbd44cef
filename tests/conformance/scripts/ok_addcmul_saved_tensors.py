# addcmul is one AddcmulBackward0 node saving PyTorch's tensors: tensor1 when tensor2 requires
# grad, tensor2 when tensor1 does; an in-place change of an unsaved one is no error.
import torch
w = torch.tensor([1.5, -2.0], requires_grad=True)
t1 = torch.tensor([0.3, 0.7])
t2 = torch.tensor([2.0, 3.0])
r = torch.addcmul(torch.zeros(2), t1, w, value=0.5)
print(r.grad_fn.name())
t2.mul_(2)            # not used by r
r.sum().backward()
print(w.grad)
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = torch.tensor([4.0, 5.0])
r = torch.addcmul(a, x, t2, value=2)
a.add_(1)             # self is never saved
r.sum().backward()
print(x.grad)
y = torch.tensor([0.5, 1.5], requires_grad=True)
z = torch.tensor([2.0, -1.0], requires_grad=True)
r = torch.addcmul(a, y, z, value=3)
g = torch.autograd.grad(r.sum(), [y, z], create_graph=True)
print(g[0], g[1])
