import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y1 = x * 2.0
y2 = y1 * 3.0
y3 = y2 + y1
y4 = y3 * x + y1 * y2
loss = y4.sum() + y2.sum()
loss.backward()
