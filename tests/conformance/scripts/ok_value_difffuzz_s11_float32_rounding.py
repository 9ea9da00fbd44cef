# Differential-fuzzer finds (float32 results an ulp off PyTorch's): pow with a number exponent
# computes in double (3 and -2 have their own forms), small tanh / sigmoid follow PyTorch's scalar
# path, expm1 / log2 / log10 / log1p / asin / acos / erf round the double result once,
# addcmul is one fused multiply-add.  # check-stdout
import torch
x = torch.tensor([2.41, 2.02, 0.3, 1.7, -1.05, 3.3], dtype=torch.float32)
for e in [-0.37, 2.65, 3, -2, 1.7, 0.5]:
    print(e, (x.abs() ** e).double().tolist())
print(torch.pow(torch.tensor(-1.05), -2).double().item())
y = torch.tensor([-0.9, 1.25, 0.3, -2.2, 4.0], dtype=torch.float32)
print(torch.sigmoid(torch.sigmoid(y)).double().tolist())
print(torch.tanh(y * 0.7).double().tolist())
z = torch.tensor([1.0, 4.0, -1.0, 0.37, 2.9, 0.05], dtype=torch.float32)
for f in ["expm1", "log2", "log10", "log1p", "erf"]:
    print(f, getattr(torch, f)(z.abs() if f != "expm1" and f != "erf" else z).double().tolist())
for f in ["asin", "acos"]:
    print(f, getattr(torch, f)(z / 4.5).double().tolist())
print(torch.expm1(torch.tensor([True])).double().item())
c = torch.tensor([-0.01, -3e38, 1.0], dtype=torch.float32)
t1 = torch.tensor([0.1, 3e38, 2.0], dtype=torch.float32)
print(c.addcmul(t1, t1 * 0 + torch.tensor([0.1, 2.0, 0.5])).double().tolist())
print(c.double().addcmul(t1.double(), t1.double(), value=0.3).tolist())
# addcmul's gradient multiplies before the broadcast reduction: a zero gradient gives +0.0
w = torch.tensor(-2.92, requires_grad=True)
b = torch.tensor([1.3, float('nan'), -0.15, 2.81]).addcmul(w, w)
print(torch.autograd.grad(b, [w], torch.zeros(4))[0].item())
print(type(b.grad_fn).__name__)
