import torch
# A bool tensor that requires grad (an index_put_ of a float value into it): indexing it with an index
# tensor records IndexBackward0 on a bool result, PyTorch's isDifferentiableType assert, a RuntimeError
# that a try statement catches.
v1 = torch.tensor([-1.6], dtype=torch.float64, requires_grad=True)
v3 = torch.logical_xor(v1, v1)
v3[v3 > 0] = v1
print(v3.requires_grad, v3.grad_fn.name())
for k, idx in enumerate([torch.tensor([], dtype=torch.int64), torch.tensor([0]), torch.tensor([True])]):
    try:
        v6 = v3[idx]
        print(k, v6)
    except Exception as e:
        print(k, type(e).__name__, str(e).split('\n')[0][:60])
v5 = torch.tensor([0, 1])
v5[v5 > 0] = v1
try:
    print(v5[torch.tensor([1, 0])])
except RuntimeError as e:
    print('int', str(e)[:40])
print(v3.float(), v3.float().grad_fn.name())
print('end')
