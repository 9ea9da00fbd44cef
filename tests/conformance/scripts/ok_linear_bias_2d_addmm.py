# F.linear on a 2-D input with a bias is one addmm whatever the bias's shape (PyTorch 1.13's
# linear): AddmmBackward0, the bias broadcast to the product; a bias that cannot expand fails as
# addmm's expand_size does.
import torch
import torch.nn.functional as F

x = torch.tensor([[-1.8], [1.2]], requires_grad=True)
for b in [x, torch.ones(2, 2, requires_grad=True), torch.ones(1, 2), torch.ones(()), torch.ones(1, 2, 2),
          torch.ones(3, 1)]:
    try:
        r = F.linear(x, x, b)
        print(r)
        r.sum().backward()
        print(x.grad)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        print(torch.addmm(b, x, x.t()))
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    torch.ones(3, 1).expand(-1, 2, 2)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.ones(3, 1).expand(2)
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.ones(3, 1).expand(3, 2).shape)
try:
    torch.ones(2, 3).expand(3, 4)  # the last mismatching dim is reported (checked from the last)
except RuntimeError as e:
    print("RuntimeError:", e)
