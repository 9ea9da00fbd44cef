import torch
import torch.nn as nn
# check-stdout
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
print(len(model))
names = []
for name, p in model.named_parameters():
    names.append(name)
    print(name, tuple(p.shape), p.requires_grad, p.is_leaf)
print(names)
print(len(list(model.parameters())))
print(model.training)
model.eval()
print(model.training, model[1].training)
model.train()
print(model.training)
count = 0
for m in model:
    count += 1
print(count)
w0 = model[0].weight
b0 = model[0].bias
w2 = model[-1].weight
b2 = model[2].bias
