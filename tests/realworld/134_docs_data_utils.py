# source: https://pytorch.org/docs/1.13/data.html
# (random_split is the page's own example; the Dataset/DataLoader usage below follows the page's description and was written for this corpus)
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split, Dataset

# https://pytorch.org/docs/1.13/data.html#torch.utils.data.random_split
print([list(s) for s in random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(42))])

# map-style dataset (the Dataset protocol: __getitem__ and __len__)
class SquaresDataset(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        return torch.tensor([float(idx)]), idx * idx

ds = SquaresDataset(10)
loader = DataLoader(ds, batch_size=4, shuffle=False)
for xb, yb in loader:
    print(xb.view(-1), yb)

loader = DataLoader(ds, batch_size=4, shuffle=True, drop_last=True)
print(len(loader))
for xb, yb in loader:
    print(yb)

# batch_size=None disables automatic batching
for x, y in DataLoader(TensorDataset(torch.arange(3.), torch.arange(3)), batch_size=None):
    print(x, y)
