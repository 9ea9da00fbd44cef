# The outputs of split/chunk/unbind are views that cannot be modified in place while recording.
import torch
a = torch.ones(4, requires_grad=True)
p, q = (a * 2).split(2)
p.mul_(3)  # expect-error
