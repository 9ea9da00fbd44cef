# check-stdout
# torch.optim.lr_scheduler (StepLR, ExponentialLR, MultiStepLR, LambdaLR, CosineAnnealingLR), optimizer.param_groups
# read and written, isinstance with torch.optim.Optimizer.
import torch
from torch.optim.lr_scheduler import StepLR, ExponentialLR, MultiStepLR, LambdaLR, CosineAnnealingLR
torch.manual_seed(0)
model = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(isinstance(opt, torch.optim.Optimizer), isinstance(opt, torch.optim.SGD), isinstance(opt, torch.optim.Adam))
g = dict(opt.param_groups[0]); g.pop('params'); print(g)
sched = StepLR(opt, step_size=2, gamma=0.5)
x = torch.randn(8, 3); y = torch.randn(8, 1)
for epoch in range(5):
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr(), round(loss.item(), 6))
opt2 = torch.optim.Adam(model.parameters(), lr=0.01)
s1 = ExponentialLR(opt2, gamma=0.9)
s2 = MultiStepLR(opt2, milestones=[2, 3], gamma=0.1)
for e in range(4):
    opt2.step(); s1.step(); s2.step()
    print(e, opt2.param_groups[0]['lr'])
opt3 = torch.optim.SGD(model.parameters(), lr=1.0)
s3 = LambdaLR(opt3, lambda e: 0.95 ** e)
s4 = CosineAnnealingLR(torch.optim.SGD(model.parameters(), lr=0.5), T_max=4)
for e in range(6):
    s3.step(); s4.step()
    print(e, s3.get_last_lr(), s4.get_last_lr())
for gr in opt.param_groups:
    gr['lr'] = 0.001
print(opt.param_groups[0]['lr'], opt.param_groups[0]['initial_lr'])
print(model.weight)
