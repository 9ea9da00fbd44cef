# Empty operands that PyTorch accepts: bool linear/mm with nothing to multiply, fmod by zero of an
# empty tensor, cross_entropy with no classes (every target ignored), arange with an infinite step.
import torch
import torch.nn.functional as F
b = torch.zeros(0, 0, dtype=torch.bool)
print(F.linear(b, b), torch.mm(b, b))
print(F.linear(torch.ones(2, 0, dtype=torch.bool), torch.ones(4, 0, dtype=torch.bool)))
print(torch.zeros(5, 0, dtype=torch.int32).fmod(0), torch.zeros(5, 0, dtype=torch.int32).fmod(False))
print(F.cross_entropy(torch.zeros(0), torch.tensor(2), ignore_index=2))
print(torch.arange(0, 1, float('inf')), torch.arange(0, 1, 1e300), torch.arange(0, -1, float('-inf')))
try:
    torch.arange(-1.23, 0.6, float('nan'), dtype=torch.int64)
except RuntimeError as e:
    print('RuntimeError')
