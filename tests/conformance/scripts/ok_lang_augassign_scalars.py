import torch
# check-stdout
n = 1
n += 2
n *= 5
n -= 3
print(n)
lr = 0.5
lr *= 0.5
x = torch.tensor([4.0]) * lr
m = 7
m /= 2
y = torch.ones(2) * m
