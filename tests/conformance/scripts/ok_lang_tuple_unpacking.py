import torch
# check-stdout
x = torch.tensor([[3.0, 1.0], [0.5, 4.0]], requires_grad=True)
vals, idx = x.max(1)
r, c = x.shape
p, q = 2, 3
p, q = q, p
print(r, c, p, q)
print(idx.tolist())
loss = vals.sum() * p
loss.backward()
