# check-stdout
# grad_fn names PyTorch numbers by overload (the op-table row owns the name): prod vs prod(dim),
# scatter with a tensor vs a number, floor_divide (recorded without a derivative).
import torch
torch.manual_seed(0)
x = torch.rand(3, 2, requires_grad=True)
print(x.prod().grad_fn.name())
print(x.prod(0).grad_fn.name(), x.prod(1, keepdim=True).grad_fn.name())
print(x.sum().grad_fn.name(), x.sum(0).grad_fn.name(), x.sum((0, 1)).grad_fn.name())
idx = torch.tensor([[0, 1]])
print(x.scatter(0, idx, 1.0).grad_fn.name(), x.scatter(0, idx, x).grad_fn.name())
print(torch.floor_divide(x, 2).grad_fn.name())
print(x.std().grad_fn.name(), x.std(0).grad_fn.name(), x.var(0).grad_fn.name())
print(x.max().grad_fn.name(), x.max(0)[0].grad_fn.name(), x.amax(0).grad_fn.name())
print(x.pow(2).grad_fn.name(), x.pow(x).grad_fn.name(), torch.pow(2, x).grad_fn.name())
print(x.log1p().grad_fn.name(), x.norm().grad_fn.name(), x.float().grad_fn, x.double().grad_fn.name())
print(x.squeeze().grad_fn.name(), x.squeeze(0).grad_fn.name(), x.unsqueeze(0).grad_fn.name())
y = x * 1
y.unsqueeze_(0)
print(y.grad_fn.name())
y.squeeze_()
print(y.grad_fn.name())
