# check-stdout
# difffuzz (seeds 2-4): torch.where with two Python numbers wraps both (PyTorch 1.13): the result is
# bool / int64 / float32 by the higher kind of the two.
import torch

c = torch.tensor([True, False, True])
for a, b in [(1., 0.), (1, 0), (True, False), (1, 2.5), (True, 3), (False, -1.5)]:
    r = torch.where(c, a, b)
    print(r, r.dtype)
print(torch.where(c, torch.tensor([1, 2, 3]), 2.5))
print(torch.where(torch.tensor(True), 2, 3).shape)
