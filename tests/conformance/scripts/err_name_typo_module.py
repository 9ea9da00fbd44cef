import torch
x = troch.ones(2)  # expect-error
