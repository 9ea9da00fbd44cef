# check-stdout
# difffuzz (seeds 2-4): F.mse_loss broadcasts input and target before the loss, so a 0-d float64
# operand next to a float32 tensor promotes the result to float64 (no 0-d "wrapped number" rule).
import torch
import torch.nn.functional as F

x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
t64 = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
l = F.mse_loss(x, t64)
print(l, l.dtype)
l2 = F.mse_loss(t64, x)
print(l2, l2.dtype)
print(F.mse_loss(torch.tensor(2.), torch.tensor(1., dtype=torch.float64)).dtype)
print(F.mse_loss(x, torch.ones(2, 3, dtype=torch.int64)).dtype)
print(F.mse_loss(x.double(), torch.tensor(1.)).dtype)
