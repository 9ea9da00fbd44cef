# topk's indices for equal values: PyTorch's nth_element / partial_sort order.
import torch
print(torch.topk(torch.ones(1, 4, dtype=torch.float64), 2))
print(torch.topk(torch.ones(4), 2), torch.topk(torch.ones(4), 3, largest=False))
print(torch.topk(torch.tensor([2, 4, -1, 1, 1]), 3, largest=False, sorted=False))
print(torch.topk(torch.tensor([1., 3., 3., float('nan'), 2., 3.]), 3))
print(torch.topk(torch.zeros(130), 2), torch.topk(torch.tensor([[1, 1, 2], [2, 2, 2]]), 2, dim=0))
