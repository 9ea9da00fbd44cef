# check-stdout
# optimizer.state_dict() as PyTorch prints it (before and after steps) and load_state_dict()
# continuing training identically.
import torch
from torch import nn
torch.manual_seed(7)
model = nn.Linear(3, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(opt.state_dict())
x = torch.randn(5, 3)
y = torch.randn(5, 2)
for step in range(3):
    opt.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    opt.step()
sd = opt.state_dict()
print(list(sd.keys()), list(sd['state'].keys()), sd['param_groups'])
print(sd['state'][1])
plain = torch.optim.SGD(model.parameters(), lr=0.1)
plain.zero_grad()
nn.functional.mse_loss(model(x), y).backward()
plain.step()
print(plain.state_dict()['state'])
adam = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(2):
    adam.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    adam.step()
print(adam.state_dict()['state'][1])
print(adam.state_dict()['param_groups'])
# load into a fresh optimizer of a copy of the model: the same next steps
model2 = nn.Linear(3, 2)
model2.load_state_dict(model.state_dict())
adam2 = torch.optim.Adam(model2.parameters(), lr=0.5)
adam2.load_state_dict(adam.state_dict())
print(adam2.param_groups[0]['lr'])
for m, o in ((model, adam), (model2, adam2)):
    for step in range(3):
        o.zero_grad()
        nn.functional.mse_loss(m(x), y).backward()
        o.step()
w1 = model.weight
w2 = model2.weight
print(torch.equal(model.weight, model2.weight))
for k in ['Adadelta', 'Adagrad', 'RMSprop']:
    o = getattr(torch.optim, k)([nn.Parameter(torch.ones(2))])
    print(k, o.state_dict())
