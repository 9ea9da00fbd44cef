# Differential-fuzzer find: scatter_add / scatter with a 0-d src: PyTorch counts it as one element
# per dim (an index of one element is fine, more are its shape error); an empty index skips the
# check.
import torch

x = torch.zeros(3, requires_grad=True)
s = torch.tensor(2.0, requires_grad=True)
a0 = x.scatter_add(0, torch.tensor([1]), s)
a1 = torch.zeros(()).scatter_add(0, torch.tensor([0]), torch.tensor(2.0))
a2 = x.scatter(0, torch.tensor([2]), s)
a3 = x.scatter_add(0, torch.zeros(0, dtype=torch.int64), s)
(a0.sum() * 2 + a2.sum() * 3 + a3.sum()).backward()
