# source: https://classic.d2l.ai/chapter_deep-learning-computation/use-gpu.html
# (PyTorch tab; a notebook cell's displayed value is printed)
import torch
from torch import nn

print((torch.device('cpu'), torch.device('cuda'), torch.device('cuda:1')))

print(torch.cuda.device_count())

def try_gpu(i=0):  #@save
    """Return gpu(i) if exists, otherwise return cpu()."""
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f'cuda:{i}')
    return torch.device('cpu')

def try_all_gpus():  #@save
    """Return all available GPUs, or [cpu(),] if no GPU exists."""
    devices = [torch.device(f'cuda:{i}')
             for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device('cpu')]

print((try_gpu(), try_gpu(10), try_all_gpus()))

x = torch.tensor([1, 2, 3])
print(x.device)

X = torch.ones(2, 3, device=try_gpu())
print(X)

net = nn.Sequential(nn.Linear(3, 1))
net = net.to(device=try_gpu())
print(net(X))
print(net[0].weight.data.device)
