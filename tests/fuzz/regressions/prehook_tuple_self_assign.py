# check-stdout
# Tensor.register_hook on leaves and non-leaves: the hook gets the gradient and may return a
# replacement; hooks run in registration order; leaf hooks run before accumulation into .grad;
# retain_grad() sits among the hooks in registration order; handles remove; create_graph and
# autograd.grad (hooks of the differentiated input itself do not run there, as in PyTorch 1.13).
import torch
v = torch.tensor([0., 0., 0.], requires_grad=True)
h = v.register_hook(lambda grad: grad * 2)
v.backward(torch.tensor([1., 2., 3.]))
print(v.grad)
h.remove()
h.remove()
v.grad = None
v.backward(torch.tensor([1., 2., 3.]))
print(v.grad)

x = torch.tensor([1., 2.], requires_grad=True)
seen = []
def record(g):
    seen.append(g.clone())
x.register_hook(lambda g: g + 1)
x.register_hook(record)
x.register_hook(lambda g: g * 10)
(x * x).sum().backward()
print(x.grad, seen)

y = x * 2
y.retain_grad()
y.register_hook(lambda g: g * 10)
z = x * 2
z.register_hook(lambda g: g * 10)
z.retain_grad()
x.grad = None
(y.sum() + z.sum()).backward()
print(y.grad, z.grad)

w = torch.tensor([1., 2.], requires_grad=True)
m = w * w
m.register_hook(lambda g: g + 1)
print(torch.autograd.grad(m.sum(), w))
print(torch.autograd.grad((m * m).sum(), m))
g, = torch.autograd.grad((w * w).sum(), w, create_graph=True)
u = w * 3
u.register_hook(lambda g: g * g)
r, = torch.autograd.grad(u.sum(), w, create_graph=True)
print(r)
hooked = w.exp()
hooked.register_hook(lambda g: g * w)
s, = torch.autograd.grad(hooked.sum(), w, create_graph=True)
print(s.grad_fn is not None, s)
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a.sin()
print(type(b.register_hook(lambda g: None)).__name__)
pre = b.grad_fn.register_prehook(lambda gs: (gs[0] * 0.5,))
b.sum().backward()
print(a.grad)
