import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
rows = [x * i for i in range(4)]
m = torch.stack(rows)
n = torch.cat([x[None] ** k for k in range(1, 4)])
t = torch.tensor([i * i for i in range(5)])
loss = m.sum() + n.sum()
loss.backward()
