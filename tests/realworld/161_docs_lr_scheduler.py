# source: https://pytorch.org/docs/1.13/optim.html
# (doc examples of torch.optim.lr_scheduler; the model, data and loss they assume are added, marked)
import torch
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR, StepLR, MultiStepLR, LambdaLR

torch.manual_seed(0)  # added
model = nn.Linear(4, 2)  # added
dataset = [(torch.randn(3, 4), torch.randn(3, 2)) for _ in range(2)]  # added
loss_fn = nn.MSELoss()  # added

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
scheduler = ExponentialLR(optimizer, gamma=0.9)

for epoch in range(5):
    for input, target in dataset:
        optimizer.zero_grad()
        output = model(input)
        loss = loss_fn(output, target)
        loss.backward()
        optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), loss.item())  # added

# https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.StepLR.html
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = StepLR(optimizer, step_size=3, gamma=0.1)
for epoch in range(10):
    optimizer.step()  # train(...); validate(...)
    scheduler.step()
    print(epoch, optimizer.param_groups[0]['lr'])  # added

# https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.MultiStepLR.html
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = MultiStepLR(optimizer, milestones=[3, 6], gamma=0.1)
for epoch in range(8):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr())  # added

# https://pytorch.org/docs/1.13/generated/torch.optim.lr_scheduler.LambdaLR.html
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
lambda1 = lambda epoch: 0.95 ** epoch
scheduler = LambdaLR(optimizer, lr_lambda=lambda1)
for epoch in range(4):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr())  # added
print(optimizer)  # added
