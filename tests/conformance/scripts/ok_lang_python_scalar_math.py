import torch
# check-stdout
a = 7
b = 2
print(a + b, a - b, a * b, a ** b, -a)
print(a > b, a == b, a != b, a <= 7)
c = a / b
x = torch.tensor([1.0]) * c
