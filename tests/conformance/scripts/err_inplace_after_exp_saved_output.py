# exp saves its output; an in-place op on it afterwards makes backward fail (PyTorch's error).
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.exp_()
y.clamp_(max=100.0)
y.sum().backward()  # expect-error
