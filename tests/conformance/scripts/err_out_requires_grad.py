# out= with an input that requires grad: PyTorch refuses (no autograd through out=).
import torch
a = torch.ones(2, 2, requires_grad=True)
o = torch.empty(2, 2)
torch.matmul(a, a, out=o)  # expect-error
