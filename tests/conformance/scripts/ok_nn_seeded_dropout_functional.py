import torch
import torch.nn.functional as F
torch.manual_seed(11)
x = torch.randn(6, 7, requires_grad=True)
a = F.dropout(x, p=0.25, training=True)
b = F.dropout(x, 0.5)
c = F.dropout(x, p=0.5, training=False)
d = F.dropout(x, p=0.0)
e = F.dropout(x, p=1.0)
(a + b + c + d + e).sum().backward()
after = torch.rand(4)
