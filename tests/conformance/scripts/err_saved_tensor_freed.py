import torch
x = torch.randn(3, requires_grad=True)
y = x.exp()
y.sum().backward()
print(y.grad_fn._saved_result)  # expect-error
