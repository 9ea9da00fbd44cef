# sgn's backward (sgn_backward) saves its result: changing it in place fails the backward, as in PyTorch.
import torch
v3 = torch.tensor([1.320, 1.37], requires_grad=True)
v4 = torch.sgn(v3)
v4[v4 > 0] = 2
try:
    v4.prod().backward(retain_graph=True)
    print(v3.grad)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:80])
w = torch.sgn(v3)
w.sum().backward()
print(v3.grad, w)
v3.grad = None  # (PyTorch's is a ZeroTensor without storage: the golden dump cannot read it)
