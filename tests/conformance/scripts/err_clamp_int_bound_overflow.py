# An int bound is converted to an integer tensor's dtype, checked.
import torch
x = torch.tensor([5, 100], dtype=torch.int8)
print(x.clamp_max(100), x.clamp(-128, 127))
print(x.clamp_max(4611686018427387904))  # expect-error
