# Signed zeros as PyTorch's kernels give them: layer_norm is fma(x, rstd, -rstd * mean) (one
# element: the rounding error, not 0); a product of matrices sums onto +0.0; max()/min() keep the
# later of equal values.
import torch
import torch.nn.functional as F
for v in [2.7, 0.42, -1.3, 3.0]:
    x = torch.tensor([v])
    print(F.layer_norm(x, [1]).item(), F.layer_norm(x, [1], torch.tensor([1.5]), torch.tensor([0.25])).item(),
          F.layer_norm(x.double(), [1]).item())
a = torch.tensor([[-2.75], [1.17], [0.0]])
print(a @ a.t(), F.linear(a, a), torch.tensor([[1.7], [0.0]]) @ torch.tensor([-1.54]))
print(torch.tensor([-0.0, 0.0]).max(), torch.tensor([0.0, -0.0]).max(), torch.tensor([-0.0, 0.0, -0.0]).max())
print(torch.tensor([[-1.09, -2.75, -0.13], [-1.8, -0.0, 0.0]]).max(), torch.tensor([0.0, -0.0]).min())
