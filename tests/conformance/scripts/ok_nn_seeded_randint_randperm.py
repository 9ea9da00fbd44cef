import torch
import torch.nn as nn
torch.manual_seed(7)
a = torch.randint(10, (5,))
b = torch.randint(-3, 4, (3, 4))
p10 = torch.randperm(10)
p100 = torch.randperm(100)
c = torch.randint(0, 1000000, (20,))
