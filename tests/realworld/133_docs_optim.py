# source: https://pytorch.org/docs/1.13/optim.html
# (the per-parameter-options and scheduler examples are the page's; the toy model/dataset they assume were added)
import torch
from torch import nn
from torch.nn import Parameter
from torch.optim import SGD
from torch.optim.lr_scheduler import ExponentialLR, MultiStepLR

class Net(nn.Module):  # (a model with .base and .classifier, as the per-parameter example assumes)
    def __init__(self):
        super().__init__()
        self.base = nn.Linear(4, 4)
        self.classifier = nn.Linear(4, 2)

model = Net()
optimizer = torch.optim.SGD([
                {'params': model.base.parameters()},
                {'params': model.classifier.parameters(), 'lr': 1e-3}
            ], lr=1e-2, momentum=0.9)
print([g['lr'] for g in optimizer.param_groups])

model = [Parameter(torch.randn(2, 2, requires_grad=True))]
optimizer = SGD(model, 0.1)
scheduler = ExponentialLR(optimizer, gamma=0.9)

dataset = [(torch.randn(2, 2), torch.randn(2, 2)) for _ in range(3)]  # (a toy dataset)
for epoch in range(20):
    for input, target in dataset:
        optimizer.zero_grad()
        output = input @ model[0]  # (model(input))
        loss = torch.nn.functional.mse_loss(output, target)
        loss.backward()
        optimizer.step()
    scheduler.step()
    if epoch % 5 == 4:
        print(epoch, scheduler.get_last_lr(), loss.item())

optimizer = SGD(model, 0.1)
scheduler1 = ExponentialLR(optimizer, gamma=0.9)
scheduler2 = MultiStepLR(optimizer, milestones=[30,80], gamma=0.1)

for epoch in range(20):
    for input, target in dataset:
        optimizer.zero_grad()
        output = input @ model[0]
        loss = torch.nn.functional.mse_loss(output, target)
        loss.backward()
        optimizer.step()
    scheduler1.step()
    scheduler2.step()
print(optimizer.param_groups[0]['lr'])
print(model[0])
