# check-stdout
import torch
import torch.nn as nn
torch.manual_seed(4)
bn = nn.BatchNorm1d(3)
print(bn, nn.BatchNorm1d(100, affine=False), nn.BatchNorm2d(3, momentum=None))
x = torch.randn(5, 3, requires_grad=True)
y = bn(x)
print(y.grad_fn.name())
x3 = torch.randn(4, 3, 2)
y3 = bn(x3)
running_mean = bn.running_mean
running_var = bn.running_var
print(bn.num_batches_tracked, list(bn.state_dict().keys()))
bn.eval()
y_eval = bn(torch.randn(2, 3))
bn2 = nn.BatchNorm2d(2, momentum=None)
x4 = torch.randn(3, 2, 4, 4, requires_grad=True)
y4 = bn2(x4)
y4b = bn2(x4 * 2)
rm2 = bn2.running_mean
rv2 = bn2.running_var
(y.pow(2).sum() + (y4 * y4b).sum()).backward()
bn_w_grad = bn.weight.grad
bn2_b_grad = bn2.bias.grad
