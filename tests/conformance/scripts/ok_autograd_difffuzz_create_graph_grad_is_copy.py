# Differential-fuzzer find (seed 902 #7286): under create_graph the .grad a retain_grad() or a leaf
# gets is a copy (PyTorch's clone_obey_contract), not the gradient grad() returns: an in-place
# change of that one leaves .grad alone.
import torch
v0 = torch.tensor([-2.48], requires_grad=True)
v3 = v0[None]
v3.retain_grad()
v6 = torch.autograd.grad(v3.sum(), [v0], create_graph=True)[0]
torch.sin_(v6)
print(v3.grad, v6)
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward(create_graph=True)
print(w.grad.detach(), w.grad.requires_grad)
(w * w).sum().backward(create_graph=True)
print(w.grad.detach())
