# Differential-fuzzer finds: prod backward of a 0-d tensor is the grad itself (inf, NaN, 0 inputs);
# argmax/argmin(keepdim=True) without dim keep every dim as 1; gather with a 0-d index or input.
import torch
a = torch.tensor(float('inf'), requires_grad=True)
pa = a.prod()
pa.backward()
b = torch.tensor(float('nan'), dtype=torch.float64, requires_grad=True)
pb = b.prod(0)
pb.backward()
c = torch.tensor([[-2.8, 0.5], [2.9, -2.2]])
i1 = c.argmin(keepdim=True)
i2 = c.argmax(keepdim=True)
i3 = torch.tensor([3.0, 1.0, 2.0]).argmin(keepdim=True)
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
g1 = torch.gather(x, 0, torch.tensor(2))
g1.backward()
y = torch.tensor(5.0, requires_grad=True)
g2 = torch.gather(y, 0, torch.tensor([0, 0]))
g2.sum().backward()
