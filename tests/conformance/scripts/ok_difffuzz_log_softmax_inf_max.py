# check-stdout
# difffuzz (seeds 2-4): log_softmax of a row whose max is +inf is NaN everywhere in PyTorch 1.13
# (x - max = inf - inf), not [nan, -inf]; an all -inf row is NaN; a -inf next to finite values is -inf.
import torch
import torch.nn.functional as F

i = float('inf')
for v in [[-i, -i], [i, i], [i, 1.], [-i, 1.], [i, -i], [float('nan'), 1.], [3., 1.]]:
    x = torch.tensor(v)
    print(F.log_softmax(x, 0), F.log_softmax(x.reshape(2, 1), 0).flatten(), F.log_softmax(x.double(), 0),
          torch.log_softmax(x.reshape(1, 2), 1))
x = torch.tensor([[i, 1., 2.], [0., 1., 2.]], requires_grad=True)
y = F.log_softmax(x, 1)
print(y)
y[1].sum().backward()
print(x.grad)
