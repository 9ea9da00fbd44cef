# Differential-fuzzer find: an integer tensor that requires grad (x[mask] = v on it, PyTorch 1.13's
# masked-fill path) as the root of backward trips PyTorch's internal assert in validate_outputs;
# no gradient reaches the value.
import torch
v0 = torch.tensor([-3.0], requires_grad=True)
v5 = v0 * 2
v6 = torch.tensor([1])
v6[v6 > 0] = v5
print(v6, v6.requires_grad)
try:
    v6.backward()
except RuntimeError as e:
    print(str(e)[:60])
print(v0.grad)
v6.backward()  # expect-error
