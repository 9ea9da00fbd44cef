# sort/argsort without stable=True are PyTorch's std::sort of (value, index) pairs: equal values
# (NaN too) of rows longer than 16 come out in that algorithm's order; stable=True keeps them.
import torch
print(torch.zeros(40).sort()[1].tolist())
x = torch.tensor([float(i % 3) for i in range(40)])
print(torch.sort(x)[1].tolist())
print(torch.sort(x, descending=True)[1].tolist())
print(torch.sort(x, stable=True)[1].tolist())
print(torch.argsort(x, stable=True, descending=True).tolist())
x = torch.tensor([float('nan') if i % 7 == 0 else float(i % 5) for i in range(60)])
print(torch.argsort(x, descending=True).tolist())
print(torch.argsort(x.reshape(6, 10), dim=0).tolist())
print(torch.sort(torch.tensor([i % 2 == 0 for i in range(30)]), stable=False)[1].tolist())
print(torch.sort(torch.tensor([i % 4 for i in range(30)]), descending=True)[1].tolist())
