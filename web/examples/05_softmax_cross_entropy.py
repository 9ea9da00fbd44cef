# Softmax and cross-entropy for a batch of 2 samples and 3 classes.
import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], requires_grad=True)
target = torch.tensor([0, 1])
probs = logits.softmax(dim=1)
loss = F.cross_entropy(logits, target)
loss.backward()
print("probs =", probs)
print("loss =", loss)
# d loss / d logits = (softmax - one_hot) / batch
print("logits.grad =", logits.grad)
