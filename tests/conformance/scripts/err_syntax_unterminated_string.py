import torch
# expect-error-line: 4
x = torch.ones(2)
print("value of x)
