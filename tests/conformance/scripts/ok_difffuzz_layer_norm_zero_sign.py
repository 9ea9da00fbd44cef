# check-stdout
# difffuzz (seeds 101-110): layer_norm without a bias ends in PyTorch's + 0 (a -0.0 result is +0.0).
import torch
import torch.nn.functional as F
x = torch.tensor([-2.1, 1.4, 2.34], dtype=torch.float64, requires_grad=True)
y = F.layer_norm(x % x, [3])
print(y, [str(v) for v in y.tolist()])
z = F.layer_norm(torch.full((2, 3), -0.0), [3], torch.ones(3), torch.full((3,), -0.0))
print([str(v) for v in z.flatten().tolist()])
w = F.layer_norm(torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True), [3])
w.sum().backward()
