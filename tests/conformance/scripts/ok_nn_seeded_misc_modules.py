# check-stdout
import torch
import torch.nn as nn
torch.manual_seed(7)
m = nn.Sequential(nn.Linear(6, 12), nn.Unflatten(1, (3, 2, 2)))
print(m)
y = m(torch.randn(2, 6))
print(y.shape)
sm = nn.Softmax()
print(sm, nn.Softmax(dim=1))
s = sm(torch.randn(2, 3))
emb = nn.Embedding(5, 3, padding_idx=0)
print(emb, emb.padding_idx)
w0 = emb.weight
e = emb(torch.tensor([[0, 2, 0, 4]]))
e.sum().backward()
emb_grad = emb.weight.grad
pre = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.3, 3.0], [4.0, 5.1, 6.3]]))
print(pre(torch.tensor([1])), pre.weight.requires_grad)
pr = nn.PReLU()
print(pr)
z = pr(torch.randn(2, 3))
