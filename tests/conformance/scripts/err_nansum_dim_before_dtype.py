# nansum checks its dims before the dtype of its kernel.
import torch
print(torch.tensor([1, 2]).nansum(dtype=torch.bool), torch.tensor([True, True]).nansum())
torch.nansum(torch.tensor(-0.6), dim=[1, -1], dtype=torch.int64)  # expect-error
