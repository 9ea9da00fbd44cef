import torch
x = torch.tensor("abc")  # expect-error
