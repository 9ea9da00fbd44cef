import torch
# check-stdout
x = torch.tensor([[1, 2], [3, 4]])
print(x.tolist())
print(x.sum().item())
b = torch.tensor([True, False])
print(b.tolist())
f = torch.tensor([0.5, 0.25])
print(f.tolist())
print(f.sum().item() == 0.75)
s = torch.tensor(2.5).item()
y = torch.full((2,), s)
