# Differential-fuzzer find: a leaf's .grad may be PyTorch 1.13's efficient zero (sgn's backward);
# a second backward adding into it in place raises, as does std's backward, which writes into
# grad / (2 std) in place.
import torch
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
try:
    x.std().sgn().sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)
print(x.grad)
x.sgn().sum().backward()
print(x.grad)
y = x.grad * 2
print(y)
x.sgn().sum().backward()  # expect-error
