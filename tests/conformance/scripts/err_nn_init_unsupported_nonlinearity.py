import torch
print(torch.nn.init.calculate_gain('relu'))
torch.nn.init.calculate_gain('gelu')  # expect-error
