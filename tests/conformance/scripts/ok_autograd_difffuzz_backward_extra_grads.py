# check-stdout
# Differential-fuzzer find: torch.autograd.backward pairs tensors with grad_tensors by zip()
# (_make_grads): extra gradients are dropped (even of another dtype or shape); too few still fail.
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.zeros(0, 2, dtype=torch.int32)
y = a * 3
torch.autograd.backward([y], [torch.tensor([1.0, 0.5]), b])
c = torch.tensor(2.0, requires_grad=True)
z = c * c
torch.autograd.backward([z], [torch.tensor(1.0), torch.tensor(5.0), torch.tensor(7.0)])
try:
    torch.autograd.backward([c * 2, c * 3], [torch.tensor(1.0)])
except Exception as e:
    print(type(e).__name__)
