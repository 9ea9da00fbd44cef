# addcdiv's gradient for tensor1 is grad * (value / tensor2), where PyTorch computes value / tensor2
# in tensor2's dtype (empty_like(tensor2).fill_(value).div_(tensor2)): an integral tensor2 fails.
import torch
x = torch.tensor(1.93, dtype=torch.float64)
t1 = torch.tensor([[0.18]], dtype=torch.float64, requires_grad=True)
t2 = torch.tensor([[[6], [-2]], [[5], [2]]])
y = x.addcdiv(t1, t2, value=4)
print(y)
f = torch.tensor([[0.5], [4.0]], requires_grad=True)
z = torch.addcdiv(x, torch.tensor([1, 2]), f, value=0.5)
z.sum().backward()
print(z, f.grad)
torch.autograd.grad(y.sum(), [t1])  # expect-error
