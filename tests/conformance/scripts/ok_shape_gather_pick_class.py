import torch
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [1.0, 1.0, 3.0]], requires_grad=True)
target = torch.tensor([0, 1, 2])
logp = torch.log_softmax(logits, dim=1)
picked = logp.gather(1, target.unsqueeze(1))
loss = -picked.mean()
loss.backward()
