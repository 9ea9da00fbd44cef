# check-stdout
# Parameter groups: per-group hyperparameters, the printed group dicts, add_param_group, and a
# scheduler stepping every group.
import torch
from torch import nn
torch.manual_seed(6)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Linear(4, 4)
        self.classifier = nn.Linear(4, 2)

    def forward(self, x):
        return self.classifier(torch.tanh(self.base(x)))

model = Net()
optimizer = torch.optim.SGD([
    {'params': model.base.parameters()},
    {'params': model.classifier.parameters(), 'lr': 1e-3}
], lr=1e-2, momentum=0.9)
print([g['lr'] for g in optimizer.param_groups])
print([len(g['params']) for g in optimizer.param_groups])
print({k: v for k, v in optimizer.param_groups[1].items() if k != 'params'})
x = torch.randn(8, 4)
y = torch.randn(8, 2)
for step in range(5):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
print(round(loss.item(), 4))
extra = torch.nn.Parameter(torch.randn(3))
optimizer.add_param_group({'params': extra, 'lr': 0.5, 'momentum': 0.0})
print(len(optimizer.param_groups), optimizer.param_groups[2]['lr'], optimizer.param_groups[2]['momentum'])
sched = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
for step in range(4):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y) + (extra ** 2).sum()
    loss.backward()
    optimizer.step()
    sched.step()
    print(sched.get_last_lr())
w_base = model.base.weight
w_cls = model.classifier.weight
extra_final = extra.detach()
adam = torch.optim.Adam([{'params': [w_base]}, {'params': [w_cls], 'betas': (0.8, 0.9)}], lr=0.01)
print(adam.param_groups[1]['betas'], adam.param_groups[0]['betas'])
