import torch
import torch.nn.functional as F
F.gelu(torch.ones(2, dtype=torch.int16))  # expect-error
