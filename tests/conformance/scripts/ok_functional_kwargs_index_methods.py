# check-stdout
# F.mse_loss(reduction='sum'/'none'), F.gelu(approximate='tanh'), F.cross_entropy(label_smoothing=),
# scatter_(..., reduce='add'/'multiply'), index_add_/index_fill_/index_copy_, CPython's iteration order of a set of ints.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
a = torch.tensor([1., 2., 4.])
b = torch.tensor([1.5, 2.5, 3.])
print(F.mse_loss(a, b, reduction='sum'), F.mse_loss(a, b, reduction='none'), F.mse_loss(a, b, reduction='mean'))
print(F.gelu(torch.tensor([-3., -1.0, 0.0, 0.5, 1.0, 3.]), approximate='tanh'))
x = torch.randn(4, 5)
t = torch.tensor([1, 0, 4, 2])
print(F.cross_entropy(x, t, label_smoothing=0.1), F.cross_entropy(x, t, label_smoothing=0.0))
print(torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply'))
print(torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2, 2], [3, 0]]), 1.5, reduce='add'))
print(torch.zeros(2, 3).scatter_(1, torch.tensor([[0, 1], [2, 2]]), torch.ones(2, 2), reduce='add'))
y = torch.ones(5, 3)
print(y.index_add_(0, torch.tensor([0, 4, 2, 0]), torch.arange(12.).reshape(4, 3)), y.index_add_(1, torch.tensor([2]), torch.ones(5, 1), alpha=-2))
print(torch.zeros(3, 3).index_fill_(1, torch.tensor([0, 2]), -1.), torch.zeros(4, 2).index_copy_(0, torch.tensor([3, 1]), torch.tensor([[1., 2.], [3., 4.]])))
# ints hash to themselves: CPython's slot order (str order depends on PYTHONHASHSEED: realworld 153/154)
print(set(range(20, 0, -3)), set([40, 8, 1, 33, 17, 2]), list({100, 3, 64}))
