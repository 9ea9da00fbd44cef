# torch.pow(bool, tensor) records PowBackward2, whose backward takes the log of the bool base as a
# Scalar: PyTorch 1.13 fails an internal assert there (a RuntimeError). number ** tensor is pow.Tensor.
import torch
v = torch.tensor([-1.1, 0.5], dtype=torch.float64, requires_grad=True)
y = True ** v
y.sum().backward()
print(y, v.grad)
z = torch.pow(2, v)
z.sum().backward()
print(z, v.grad)
w = torch.pow(False, v)
print(w, type(w.grad_fn).__name__)
w.sum().backward()  # expect-error
