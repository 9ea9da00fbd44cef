# Differential-fuzzer find: F.pad (constant) with a positive pad refuses a padded dim that comes out empty.
import torch
import torch.nn.functional as F
F.pad(torch.zeros(2, 0, 0), [5, 2, 0, 0])  # expect-error
