# A shape whose byte count overflows int64 is PyTorch's RuntimeError ("Storage size calculation
# overflowed"), raised before any allocation: one_hot with a huge class value too.
import torch
try:
    torch.zeros(2, 4611686018427387905)
except RuntimeError as e:
    print(e)
print(torch.nn.functional.one_hot(torch.tensor([2, 0]), 4))
torch.nn.functional.one_hot(torch.tensor([4611686018427387904, 0]))  # expect-error
