# check-stdout
import torch
# x[index tensor] = v on a view whose node is stale (made before its base had history): autograd's
# check_inplace reads the stored grad_fn, so the view counts as a leaf and nothing is written
v0 = torch.tensor([[float('nan')]], requires_grad=True)
v3 = torch.tensor([-1.2, 0.25, -float('inf')])
v5 = v3.unsqueeze(-1)
v6 = v5[0]
v6[None, None] = v0
try: v5[torch.tensor([-3, 0])] = 1.89
except Exception as e: print(type(e).__name__, str(e))
print(v3.isnan().tolist())
# after its node was read (regenerated), the write is recorded
print(type(v5.grad_fn).__name__)
v5[torch.tensor([-3, 0])] = 1.89
print(v3.tolist()[0] > 1.8, type(v3.grad_fn).__name__, type(v5.grad_fn).__name__)
