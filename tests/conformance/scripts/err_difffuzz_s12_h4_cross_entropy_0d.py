# cross_entropy of a 0-d input reads its class dim 1: an IndexError (PyTorch 1.13), whatever the target.
import torch
import torch.nn.functional as F
for t in [torch.tensor(0.3), torch.tensor(1)]:
    try:
        F.cross_entropy(torch.tensor(0.5), t)
    except Exception as e:
        print(type(e).__name__, e)
for t in [torch.tensor([1]), torch.zeros(3)]:
    try:
        F.cross_entropy(torch.tensor(0.5), t)
    except Exception as e:
        print(type(e).__name__, e)
F.cross_entropy(torch.tensor(-0.13), torch.zeros(1, 3, 1))  # expect-error
