# Differential-fuzzer finds: median() and softmax are primitives as in PyTorch. median()'s gradient
# is shared evenly by the elements equal to it (NaNs for a NaN median; evenly_distribute_backward);
# both save their result, so an in-place change of it fails backward.  # check-stdout
import torch
a = torch.tensor([1.0, 2.0, 2.0, 3.0, 2.0], requires_grad=True)
a.median().backward()
b = torch.tensor([float('nan'), 1.0, float('nan')], requires_grad=True)
b.median().backward()
c = torch.tensor([[1.0, 2.0, float('inf')], [0.5, -1.0, 3.0]], requires_grad=True)
sc = torch.softmax(c, 1)
(sc * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
d = torch.tensor([0.3, 0.1], dtype=torch.float64, requires_grad=True)
gd = torch.autograd.grad((torch.softmax(d, 0) ** 2).sum(), [d], create_graph=True)[0]
hd = torch.autograd.grad(gd.sum() + (gd * gd).sum(), [d])[0]
for k in range(2):
    e = torch.tensor([0.69, -0.5], requires_grad=True)
    m = e.median() if k == 0 else torch.softmax(e, 0)
    m.mul_(2)
    try:
        torch.autograd.grad(m.sum(), [e])
        print("ok")
    except RuntimeError as err:
        print(str(err).split(",")[0])
