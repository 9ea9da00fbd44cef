# Tensor.backward(gradient) is torch.autograd.backward(self, gradient): the gradient may also be a
# tuple or list (of Tensors or None), paired with the outputs by zip, with that function's errors.
import torch
x = torch.tensor([[1.0, -2.0], [3.0, 0.5]], requires_grad=True)
y = x * x
y.backward((torch.ones(2, 2),), retain_graph=True)
print(x.grad)
y.backward([torch.full((2, 2), 0.5)], retain_graph=True)
print(x.grad)
y.backward((torch.ones(2, 2), torch.ones(3)), retain_graph=True)  # extra gradients are ignored
print(x.grad)
s = y.sum()
s.backward((None,), retain_graph=True)
s.backward([None], retain_graph=True)
print(x.grad)
for g in [(torch.ones(2),), tuple(torch.ones(2, 2).unbind()), [None], (), [1.0], 1.0, (torch.ones(2, 2), None)]:
    try:
        y.backward(g, retain_graph=True)
        print("ok", x.grad)
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, str(e))
try:
    torch.ones(2).backward((torch.ones(2),))
except RuntimeError as e:
    print(type(e).__name__, str(e))
try:
    torch.ones(2).backward((torch.ones(3),))  # the shape is checked first
except RuntimeError as e:
    print(type(e).__name__, str(e))
