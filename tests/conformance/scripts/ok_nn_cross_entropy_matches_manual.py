import torch
import torch.nn.functional as F
logits = torch.tensor([[0.3, -1.2, 2.0, 0.0], [1.0, 0.5, -0.5, 2.5]], requires_grad=True)
target = torch.tensor([2, 3])
ce = F.cross_entropy(logits, target)
manual = F.nll_loss(F.log_softmax(logits, dim=1), target)
total = ce + manual
total.backward()
