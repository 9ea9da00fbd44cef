# check-stdout
# Assignment into a graph tensor or of a graph tensor (x[i] = h, y[mask] = 0, b[idx] = a * 3): the
# write is recorded (CopySlices / IndexPutBackward0) and gradients flow to both sides, as PyTorch.
import torch
torch.manual_seed(0)
# recurrent outputs buffer
W = torch.randn(3, 3, requires_grad=True)
h = torch.randn(2, 3)
outputs = torch.zeros(4, 2, 3)
for t in range(4):
    h = torch.tanh(h @ W)
    outputs[t] = h
print(outputs.grad_fn.name(), outputs.requires_grad, outputs.is_leaf)
loss = (outputs ** 2).sum()
loss.backward()
print(W.grad)
# overwrite part of an intermediate
w = torch.randn(5, requires_grad=True)
y = w * 2
y[1:3] = 0
y.sum().backward()
print(w.grad)
# advanced index put with grad source and duplicates
a = torch.randn(4, requires_grad=True)
b = torch.zeros(6)
b[torch.tensor([0, 2, 2])] = a[:3] * 3
print(b, b.grad_fn.name())
b.sum().backward()
print(a.grad)
# mask assignment on intermediate
z = torch.randn(2, 3, requires_grad=True)
q = z * 1.0
q[q > 1] = 1.0
q.sum().backward()
print(z.grad)
# copy_ name
c = torch.zeros(3)
c.copy_(a[:3])
print(c.grad_fn.name())
# double backward through a slice assignment
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
buf = torch.zeros(3)
buf[0] = x[0] ** 3
g, = torch.autograd.grad(buf.sum(), x, create_graph=True)
g.sum().backward()
print(g.detach(), x.grad)
# in-place error on saved tensor
p = torch.randn(3, requires_grad=True)
s = p.sigmoid()
s[0] = 5.0
try:
    s.sum().backward()
    print(p.grad)
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
