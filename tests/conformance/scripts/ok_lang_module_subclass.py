# check-stdout
# nn.Module subclasses as the tutorials write them: submodules, Parameters and buffers
# registered by assignment, print(model), named_parameters, ModuleList, state_dict round trip.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class NeuralNetwork(nn.Module):
    def __init__(self):
        super(NeuralNetwork, self).__init__()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(4, 8),
            nn.ReLU(),
            nn.Linear(8, 3),
        )
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer("running", torch.zeros(3))

    def forward(self, x):
        logits = self.linear_relu_stack(x) * self.scale
        return logits

class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n)
        self.layers = nn.ModuleList([nn.Linear(n, n) for _ in range(2)])
    def forward(self, x):
        for l in self.layers:
            x = F.relu(l(x))
        return self.fc(x)

model = NeuralNetwork()
print(model)
x = torch.rand(2, 4)
logits = model(x)
print(logits.detach())
pred_probab = nn.Softmax(dim=1)(logits)
print(pred_probab.argmax(1))
for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:1].detach()} \n")
print(model.scale)
b = Block(3)
print(b)
out = b(torch.ones(1, 3))
print(out.shape, out.requires_grad)
print(list(b.state_dict().keys()))
print(isinstance(b, nn.Module), len(list(b.parameters())), b.training, b.eval().training)
sd = b.state_dict()
b.load_state_dict(sd)
loss = model(x).sum()
loss.backward()
print(model.scale.grad)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
opt.step()
print(model.scale.detach())
