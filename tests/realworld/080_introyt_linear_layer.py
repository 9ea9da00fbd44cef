# source: https://github.com/pytorch/tutorials/blob/main/beginner_source/introyt/modelsyt_tutorial.py
import torch

lin = torch.nn.Linear(3, 2)
x = torch.rand(1, 3)
print('Input:')
print(x)

print('\n\nWeight and Bias parameters:')
for param in lin.parameters():
    print(param)

y = lin(x)
print('\n\nOutput:')
print(y)
