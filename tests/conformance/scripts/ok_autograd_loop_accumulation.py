import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
total = torch.zeros(2)
for i in range(4):
    total = total + x * i + x * x
loss = total.sum()
loss.backward()
