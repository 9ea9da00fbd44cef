import torch
import torch.nn.functional as F
torch.manual_seed(3)
x = torch.randn(1, 4, 7, 6, requires_grad=True)
w = torch.randn(6, 2, 3, 2, requires_grad=True)
b = torch.randn(6, requires_grad=True)
y = F.conv2d(x, w, b, stride=(2, 1), padding=1, dilation=(1, 2), groups=2)
y2 = torch.conv2d(x, w[:, :, :2, :], None, 1, 0, 1, 2)
u = torch.randn(3, 5, 5, requires_grad=True)
k = torch.randn(2, 3, 3, 3, requires_grad=True)
y3 = F.conv2d(u, k, padding='same')
(y.sum() + (y2 * y2).mean() + y3.pow(2).sum()).backward()
