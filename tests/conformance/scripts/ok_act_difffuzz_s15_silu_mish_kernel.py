# F.silu / F.mish forward as PyTorch 1.13's CPU kernels: x / (1 + exp(-x)) and
# x * tanh(log1p(exp(x))) in float32 (libm's float functions in the scalar tail)
import torch
import torch.nn.functional as F
torch.manual_seed(481)
v4 = torch.randn(())
print(F.mish(v4).item(), torch.cumsum(F.mish(v4), -1, dtype=torch.float64).item())
v2 = torch.tensor([-0.620], requires_grad=True)
v6 = F.silu(v2)
print(v6.item(), v6.add(torch.tensor([[0.4], [2.13]], dtype=torch.float64)).tolist())
x = torch.randn(21) * 3
print(F.silu(x).tolist())
print(F.mish(x).tolist())
print(F.mish(torch.tensor([-100., -20., 0., 20., 25., 100., float('inf'), float('-inf')])).tolist())
print(F.silu(torch.tensor([-100., -20., 0., 20., 25., 100., float('inf'), float('-inf')])).tolist())
