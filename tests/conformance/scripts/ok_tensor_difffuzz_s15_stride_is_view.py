# Tensor.stride() (PyTorch's strides: views, expanded dims, empty tensors) and Tensor._is_view()
import torch
torch.manual_seed(0)
x = torch.arange(6).reshape(2, 3)
print(x.stride(), x.t().stride(), x.t().is_contiguous(), x.t()._is_view(), x._is_view())
print(torch.empty(0, 3).stride(), torch.empty(2, 0, 3).stride(), torch.zeros(3, 1).expand(3, 4).stride())
print(x[:, 1].stride(), x.stride(0), x.stride(-1), torch.tensor(1.).stride())
print(torch.zeros(3, 1).expand(3, 4).is_contiguous(), torch.zeros(1, 4).expand(3, 4).stride())
print(torch.zeros(2, 3).t().contiguous().stride(), torch.zeros(3, 1).t().stride(), torch.zeros(2, 3)[:, :0].stride())
y = torch.randn(4, 5)
print(y[1:3, ::2].stride(), y[1:3, ::2]._is_view(), y.detach()._is_view(), y.clone()._is_view(), y.view(20)._is_view())
print(y.unsqueeze(1).stride(), y.permute(1, 0).stride(), y[None].stride(), y.narrow(1, 1, 2).stride())
try:
    torch.tensor(1.).stride(0)
except IndexError as e:
    print('IndexError', e)
try:
    y.stride(2)
except IndexError as e:
    print('IndexError', e)
try:
    y.stride(None)
except RuntimeError as e:
    print('RuntimeError', e)
print(y.stride(dim=1), y.t().stride(-2))
