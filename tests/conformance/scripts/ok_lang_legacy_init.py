# check-stdout
# Legacy constructors (torch.Tensor, FloatTensor, LongTensor, Variable), torch.normal, Tensor.type, range
# indices, torch.nn.init.
import torch
import torch.nn as nn
from torch.autograd import Variable
torch.manual_seed(0)
print(torch.Tensor([1, 2]), torch.FloatTensor([1.5]), torch.LongTensor([[1, 2]]), torch.Tensor(2, 3).shape)
x = torch.normal(0, 1, (2, 3))
print(x, torch.normal(2.0, 0.5, size=(3,)))
v = Variable(torch.ones(2), requires_grad=True)
print(v, v.type(), (v > 0).type(torch.float), x[range(2)])
lin = nn.Linear(3, 2)
nn.init.normal_(lin.weight, mean=0, std=0.01)
nn.init.zeros_(lin.bias)
print(lin.weight, lin.bias)
w = torch.empty(3, 5)
nn.init.xavier_uniform_(w)
print(w)
