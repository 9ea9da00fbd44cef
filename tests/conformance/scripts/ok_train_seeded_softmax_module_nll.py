import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(9)
x = torch.randn(15, 3)
y = torch.randint(0, 4, (15,))
model = nn.Sequential(nn.Linear(3, 4), nn.Softmax(dim=1))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for step in range(30):
    opt.zero_grad()
    probs = model(x)
    loss = F.nll_loss(torch.log(probs), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w = model[0].weight
b = model[0].bias
