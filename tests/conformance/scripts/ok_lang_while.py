import torch
# check-stdout
x = torch.tensor([1.0])
count = 0
while x.item() < 100:
    x = x * 3.0
    count += 1
print(count)
