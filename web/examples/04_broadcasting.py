# Broadcasting: x (3, 1) + y (4,) gives a (3, 4) result.
# In backward, the gradient is summed back to each input's shape.
import torch

x = torch.tensor([[1.], [2.], [3.]], requires_grad=True)
y = torch.tensor([10., 20., 30., 40.], requires_grad=True)
bias = torch.tensor(0.5, requires_grad=True)
z = x * y + bias
loss = z.pow(2).mean()
loss.backward()
print("x.grad =", x.grad)
print("y.grad =", y.grad)
print("bias.grad =", bias.grad)
