# source: https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

# Example of target with class indices
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()
print(target, output, output.grad_fn)
print(input.grad)

# Example of target with class probabilities
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)
