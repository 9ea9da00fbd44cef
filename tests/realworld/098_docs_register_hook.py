# source: https://pytorch.org/docs/1.13/generated/torch.Tensor.register_hook.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

v = torch.tensor([0., 0., 0.], requires_grad=True)
h = v.register_hook(lambda grad: grad * 2)  # double the gradient
v.backward(torch.tensor([1., 2., 3.]))
print(v.grad)

h.remove()  # removes the hook
