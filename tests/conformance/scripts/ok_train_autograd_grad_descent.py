import torch
w = torch.tensor([2.0, -1.0], requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
y = torch.tensor([1.0, 0.0, 2.0])
for step in range(50):
    loss = ((x.matmul(w) - y) ** 2).mean()
    g = torch.autograd.grad(loss, w)[0]
    with torch.no_grad():
        w -= 0.05 * g
