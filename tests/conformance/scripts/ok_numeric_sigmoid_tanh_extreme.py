import torch
x = torch.tensor([-100.0, -20.0, 20.0, 100.0], requires_grad=True)
s = torch.sigmoid(x)
t = torch.tanh(x)
loss = s.sum() + t.sum()
loss.backward()
