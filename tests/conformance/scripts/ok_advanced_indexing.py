# check-stdout
# Advanced indexing with PyTorch's rules: several index tensors broadcast together, adjacent vs
# separated indexed dims, ints applied first, masks, 2-D index tensors, index_put_ and x[i] += v.
import torch
torch.manual_seed(0)
x = torch.arange(60).reshape(3, 4, 5)
print(x[0, :, [1, 2]].shape, x[[0, 1], :, [1, 2]].shape, x[:, [0, 1], [1, 2]].shape, x[[0, 1], [1, 2]].shape, x[[[0], [1]], :, [1, 2, 3]].shape)
print(x[1, [0, 1]].shape, x[torch.tensor(1)].shape, x[:, torch.tensor([[0, 1], [2, 3]])].shape, x[None, [0, 1]].shape, x[..., [0, 1]].shape)
m = x[:, :, 0] > 20
print(m.shape, x[m].shape, x[0, [True, False, True, False]].shape)
print(x[m], x[:, [0, 1], [1, 2]], x[[[0], [1]], :, [1, 2, 3]])
y = torch.randn(3, requires_grad=True)
print(y[torch.tensor(1)].grad_fn.name(), y[[0, 1]].grad_fn.name(), y[y > 0].grad_fn.name(), y[torch.tensor([1])].grad_fn.name())
z = torch.zeros(3, 4)
z[[0, 2], [1, 3]] = torch.tensor([5., 6.])
z[torch.tensor([True, False, True])] = torch.arange(4.)
print(z)
z[:, [0]] = 7
print(z)
z[1, [1, 2]] += 1
print(z)
print(x[[-1, 0]][:, -1, [-2]])
w = torch.randn(4, 3, requires_grad=True)
t = torch.tensor([2, 0, 1, 1])
l = -w[range(4), t].log_softmax(0).sum() if False else -w[range(4), t].sum()
l.backward()
print(w.grad)
torch.manual_seed(0)
C = torch.randn(27, 2)
X = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(C[X].shape, C[X][1, 2])
z[z > 3] = 0.
print(z)
