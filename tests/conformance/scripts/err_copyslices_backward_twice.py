# PyTorch's CopySlices frees the function it holds after a backward without retain_graph, so a
# second backward through a slice write fails even though no tensor was saved.
import torch
x = torch.tensor(-1.39, requires_grad=True)
b = torch.zeros(1)
b[None] = x
b[...] = -1.1
print(torch.autograd.grad(b.sum(), [x], allow_unused=True))
b[None, -1].sum().backward()  # expect-error
