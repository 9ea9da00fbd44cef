# source: https://pytorch.org/docs/1.13/generated/torch.nn.functional.normalize.html
# (doc examples; each displayed value is printed)
import torch
import torch.nn.functional as F

x = torch.tensor([[3., 4.], [1., 0.], [0., 0.]])
print(F.normalize(x, dim=1))
print(F.normalize(x, p=1.0, dim=0))

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.cosine_similarity.html
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
output = F.cosine_similarity(input1, input2)
print(output[:4])

# https://pytorch.org/docs/1.13/generated/torch.cdist.html
a = torch.tensor([[0.9041,  0.0196], [-0.3108, -2.4423], [-0.4821,  1.059]])
b = torch.tensor([[-2.1763, -0.4713], [-0.6986,  1.3702]])
print(torch.cdist(a, b, p=2))

# https://pytorch.org/docs/1.13/generated/torch.meshgrid.html
x = torch.tensor([1, 2, 3])
y = torch.tensor([4, 5, 6])
grid_x, grid_y = torch.meshgrid(x, y, indexing='ij')
print(grid_x)
print(grid_y)
print(torch.equal(torch.cat(tuple(torch.dstack([grid_x, grid_y]))),
                  torch.cartesian_prod(x, y)))

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.gelu.html
print(F.gelu(torch.tensor([-1.0, 0.0, 1.0])))
print(F.gelu(torch.tensor([-1.0, 0.0, 1.0]), approximate='tanh'))

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.dropout.html
torch.manual_seed(0)
print(F.dropout(torch.ones(2, 4), p=0.5, training=True))
print(F.dropout(torch.ones(2, 4), p=0.5, training=False))

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.binary_cross_entropy_with_logits.html
input = torch.randn(3, requires_grad=True)
target = torch.empty(3).random_(2)
loss = F.binary_cross_entropy_with_logits(input, target)
loss.backward()
print(loss, input.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.mse_loss.html
print(F.mse_loss(torch.tensor([1., 2.]), torch.tensor([1.5, 2.5]), reduction='sum'))
print(F.l1_loss(torch.tensor([1., 2.]), torch.tensor([1.5, 3.5]), reduction='none'))

# https://pytorch.org/docs/1.13/generated/torch.nn.functional.cross_entropy.html
# Example of target with class indices
input = torch.randn(3, 5, requires_grad=True)
target = torch.randint(5, (3,), dtype=torch.int64)
loss = F.cross_entropy(input, target)
loss.backward()
print(loss)
# Example of target with class probabilities
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
loss = F.cross_entropy(input, target)
loss.backward()
print(loss)
print(F.cross_entropy(torch.randn(3, 5), torch.tensor([1, 0, 4]), label_smoothing=0.1))
