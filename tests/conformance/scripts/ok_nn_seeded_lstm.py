# check-stdout
import torch
import torch.nn as nn
torch.manual_seed(1)
lstm = nn.LSTM(3, 4)
print(lstm)
def shapes(m):
    return [(n, tuple(p.shape)) for n, p in m.named_parameters()]
print(shapes(lstm))
inputs = torch.randn(5, 2, 3)
h0 = torch.randn(1, 2, 4)
c0 = torch.randn(1, 2, 4)
out, (h, c) = lstm(inputs, (h0, c0))
print(out.grad_fn.name(), h.grad_fn.name())
out2, hidden2 = lstm(inputs)
lstm2 = nn.LSTM(3, 5, num_layers=2, batch_first=True)
print(lstm2)
xb = torch.randn(2, 4, 3)
out3, (h3, c3) = lstm2(xb)
u = torch.randn(6, 3)
out4, (h4, c4) = lstm(u)
loss = out.sum() + h.pow(2).sum() + c.mean() + out3.pow(2).sum() + out4.sum() + out2.mean()
loss.backward()
w_grad = lstm.weight_hh_l0.grad
w2_grad = lstm2.weight_ih_l1.grad
print(out.shape, h.shape, out3.shape, h3.shape, out4.shape, h4.shape)
