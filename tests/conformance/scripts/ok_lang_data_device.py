# check-stdout
# torch.utils.data (TensorDataset, DataLoader with PyTorch's shuffle order and generator draws, random_split, a
# Dataset subclass) and the CPU device API.
import torch
from torch.utils.data import TensorDataset, DataLoader, random_split, Dataset
torch.manual_seed(0)
X = torch.randn(10, 3)
y = torch.arange(10)
ds = TensorDataset(X, y)
print(len(ds), ds[2])
loader = DataLoader(ds, batch_size=4, shuffle=True)
for epoch in range(2):
    for i, (xb, yb) in enumerate(loader):
        print(epoch, i, xb.shape, yb)
print(len(loader), len(DataLoader(ds, batch_size=4, drop_last=True)))
for xb, yb in DataLoader(ds, batch_size=3):
    print(yb)
a, b = random_split(ds, [7, 3])
print(len(a), len(b), [int(a[i][1]) for i in range(len(a))])
class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return float(i), i * i
for batch in DataLoader(Squares(5), batch_size=2, shuffle=True):
    print(batch)
print(torch.randn(2))
dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(dev, repr(dev), X.to(dev).device, torch.zeros(2, device=dev), X.cpu().shape, dev.type)
print(torch.empty(2, 3).shape, torch.rand_like(X).shape, torch.equal(X, X.clone()), X.nelement())
