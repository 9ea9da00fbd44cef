import torch
w = torch.empty(3, 4)
torch.nn.init.kaiming_uniform_(w, mode='fan_avg')  # expect-error
