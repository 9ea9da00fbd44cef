# check-stdout
# F.linear takes PyTorch's addmm path for a 2-D input with a bias and for a contiguous 3-D input
# with a bias (folded to 2-D); an empty tensor is contiguous whatever its strides, so an empty
# 3-D input with a bias is folded too: a 1-D weight is then addmm's "mat2 must be a matrix"
# RuntimeError, and a 2-D bias is broadcast against the folded (rows, out) result, not 3-D.
import torch
import torch.nn.functional as F
def run(x, w, b):
    try:
        y = F.linear(x, w, b)
        return (tuple(y.shape), None if y.grad_fn is None else y.grad_fn.name())
    except RuntimeError as e:
        return 'RuntimeError'
w1 = torch.tensor([-1.8], requires_grad=True)
w2 = torch.zeros(0, 0, requires_grad=True)
z0 = torch.zeros(0, 0)
xs = [torch.zeros(2, 0, 1, requires_grad=True), z0[0:0, :-1].unsqueeze(-2), torch.zeros(0, 0).unsqueeze_(-2),
      torch.zeros(0, 3, 0).transpose(1, 2).transpose(0, 1), torch.ones(2, 1, 1), torch.ones(1, 2, 1).transpose(0, 1),
      torch.zeros(2, 0, 1).transpose(0, 2)]
for x in xs:
    print(tuple(x.shape), x.is_contiguous())
    for w in [w1, w2, torch.ones(2, x.shape[-1])]:
        for b in [None, w1, torch.zeros(0, 0), torch.zeros(0), torch.ones(2), torch.ones(1, 2)]:
            print(' ', tuple(w.shape), None if b is None else tuple(b.shape), run(x, w, b))
v1 = torch.zeros(2, 0, 1, requires_grad=True)
v2 = torch.tensor([-1.80], requires_grad=True)
try:
    F.linear(v1, v2, bias=v2)
except RuntimeError as e:
    print('RuntimeError', str(e))
v4 = z0[0:0, :-1].unsqueeze_(-2)
v8 = F.linear(v4, z0, bias=z0)
print(tuple(v8.shape), v8.requires_grad)
