import torch
# check-stdout
flag = True
nothing = None
x = torch.tensor([1.0, 2.0], requires_grad=flag)
y = torch.tensor([1.0], requires_grad=False)
print(flag, nothing is None, x.requires_grad, y.requires_grad)
if flag:
    z = x * 2.0
