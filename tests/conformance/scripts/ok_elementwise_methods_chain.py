import torch
x = torch.tensor([[0.5, 1.0], [1.5, 2.0]], requires_grad=True)
y = x.mul(2.0).add(1.0).sub(0.5).div(3.0).pow(2).exp().log().sqrt().tanh().sigmoid()
loss = y.sum()
loss.backward()
