import torch
# check-stdout
acc = torch.zeros(3)
for i in range(3):
    acc = acc + i
for j in range(2, 5):
    acc = acc * 1.0 + torch.tensor([1.0, 0.0, 0.0]) * j
for k in range(10, 0, -4):
    print(k)
n = 0
for a in range(3):
    for b in range(a):
        n += 1
print(n)
