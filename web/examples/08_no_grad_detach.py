# no_grad and detach: both stop gradients from flowing.
import torch

w = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.no_grad():
    scaled = w * 10          # no graph is recorded here
frozen = (w * 2).detach()    # same values, cut from the graph
out = w * frozen + scaled
out.sum().backward()
print(scaled.requires_grad, frozen.requires_grad)
print("w.grad =", w.grad)    # only the w * frozen path counts: grad = frozen
