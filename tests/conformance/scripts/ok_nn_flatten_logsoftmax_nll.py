# check-stdout
# nn.Flatten, nn.LogSoftmax, nn.NLLLoss, nn.Identity, and the grad_fn names nn modules give.
import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(6, 4), nn.Identity(), nn.LogSoftmax(dim=1))
print(model)
x = torch.randn(3, 2, 3)
logp = model(x)
print(logp)
loss = nn.NLLLoss()(logp, torch.tensor([0, 3, 1]))
print(loss)
loss.backward()
print(model[1].weight.grad)
h = nn.Linear(6, 4)(nn.Flatten()(x))
print(h.grad_fn.name(), nn.MSELoss()(h, torch.zeros(3, 4)).grad_fn.name(), nn.Softmax(dim=1)(h).grad_fn.name())
print(nn.CrossEntropyLoss()(h, torch.tensor([1, 0, 2])))
print(nn.Flatten(0, 1)(x).shape, nn.LayerNorm(4)(h).grad_fn.name())
