# check-stdout
# Differential-fuzzer find: F.dropout(inplace=True) and nn.Dropout(inplace=True) (were refused):
# the input itself, multiplied in place by the same mask as out of place (x.mul_(mask / (1 - p)));
# not training, p = 0 or an empty input: the input itself, unchanged; F.dropout checks p first
# (ValueError).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
a = torch.linspace(-1.0, 1.0, 12).reshape(3, 4)
a_out = F.dropout(a, 0.4)
torch.manual_seed(3)
b = torch.linspace(-1.0, 1.0, 12).reshape(3, 4)
b_in = F.dropout(b, 0.4, inplace=True)
print(b_in is b, bool((b == a_out).all()))
w = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
h = w * 1.5
h2 = F.dropout(h, 0.5, True, True)
print(h2 is h, h.is_leaf)
h.sum().backward()
c = torch.tensor([1.0, -2.0])
print(F.dropout(c, 0.0, inplace=True) is c, F.dropout(c, 0.5, False, True) is c, F.dropout(c, 0.0) is c)
d = torch.tensor([1.0, -2.0])
d1 = F.dropout(d, 1.0, inplace=True)
m = nn.Dropout(0.25, inplace=True)
print(m)
torch.manual_seed(5)
e = torch.ones(2, 5)
e1 = m(e)
print(e1 is e)
try:
    F.dropout(c, 1.5, inplace=True)
except Exception as ex:
    print(type(ex).__name__)
