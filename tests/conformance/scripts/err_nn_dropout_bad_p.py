import torch
import torch.nn as nn
drop = nn.Dropout(p=1.5)  # expect-error
