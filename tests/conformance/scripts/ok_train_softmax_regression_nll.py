import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [0.7, 0.7], [-0.7, -0.7]])
y = torch.tensor([0, 1, 2, 3, 0, 2])
w = torch.zeros(2, 4, requires_grad=True)
for step in range(50):
    logp = F.log_softmax(x @ w, dim=1)
    loss = F.nll_loss(logp, y)
    loss.backward()
    with torch.no_grad():
        w -= 1.0 * w.grad
    w.grad.zero_()
