import torch
x = torch.tensor([0.5, -1.0, 2.0, 0.0], requires_grad=True)
s = torch.softmax(x, 0)
manual = torch.exp(x) / torch.exp(x).sum()
diff = (s - manual).abs().max()
loss = (s * torch.tensor([1.0, 2.0, 3.0, 4.0])).sum()
loss.backward()
