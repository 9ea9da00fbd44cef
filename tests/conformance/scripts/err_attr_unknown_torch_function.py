import torch
x = torch.ones(2)
y = torch.not_a_function(x)  # expect-error
