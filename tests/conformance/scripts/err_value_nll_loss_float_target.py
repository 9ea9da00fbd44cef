import torch
import torch.nn.functional as F
logp = torch.log_softmax(torch.ones(2, 3), dim=1)
loss = F.nll_loss(logp, torch.tensor([0.0, 1.0]))  # expect-error
