import torch
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64, requires_grad=True)
x = torch.tensor([[0.5], [-1.0]], dtype=torch.float64)
y = torch.mm(w, x)
loss = (y * y).sum()
loss.backward()
