import torch
import torch.nn as nn
torch.manual_seed(5)
emb = nn.Embedding(12, 6)
head = nn.Linear(6, 2)
tokens = torch.randint(0, 12, (10, 4))
labels = torch.randint(0, 2, (10,))
opt = torch.optim.Adam(list(emb.parameters()) + list(head.parameters()), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
for step in range(40):
    opt.zero_grad()
    h = emb(tokens).mean(1)
    loss = loss_fn(head(h), labels)
    loss.backward()
    opt.step()
final_loss = loss.detach()
E = emb.weight
W = head.weight
