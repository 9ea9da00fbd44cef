# source: https://pytorch.org/docs/1.13/generated/torch.autograd.grad.html
# (doc examples; each displayed value is printed)
import torch

x = torch.randn(3, requires_grad=True)
y = x ** 3
(g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
print(torch.autograd.grad(g.sum(), x))

# https://pytorch.org/docs/1.13/generated/torch.autograd.backward.html
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
torch.autograd.backward(Q, grad_tensors=torch.ones(2))
print(a.grad, b.grad)

# https://pytorch.org/docs/1.13/generated/torch.Tensor.requires_grad_.html
# Let's say we want to preprocess some saved weights and use
# the result as new weights.
saved_weights = [0.1, 0.2, 0.3, 0.25]
loaded_weights = torch.tensor(saved_weights)
weights = loaded_weights.softmax(dim=0)  # was preprocess(loaded_weights)
print(weights)

# Now, start to record operations done to weights
weights.requires_grad_()
out = weights.pow(2).sum()
out.backward()
print(weights.grad)

# https://pytorch.org/docs/1.13/generated/torch.Tensor.detach.html
x = torch.ones(2, requires_grad=True)
y = x.detach()
print(y.requires_grad, x.requires_grad)

# https://pytorch.org/docs/1.13/generated/torch.Tensor.retain_grad.html
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 2
b.retain_grad()
c = b.sum()
c.backward()
print(b.grad, b.is_leaf, a.is_leaf, b.grad_fn)

# https://pytorch.org/docs/1.13/autograd.html#default-grad-layouts
x = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)
z = x * 2
print(z.requires_grad, z.grad_fn.next_functions)
