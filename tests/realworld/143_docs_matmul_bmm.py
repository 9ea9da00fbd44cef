# source: https://pytorch.org/docs/1.13/generated/torch.matmul.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

# vector x vector
tensor1 = torch.randn(3)
tensor2 = torch.randn(3)
print(torch.matmul(tensor1, tensor2).size())
# matrix x vector
tensor1 = torch.randn(3, 4)
tensor2 = torch.randn(4)
print(torch.matmul(tensor1, tensor2).size())
# batched matrix x broadcasted vector
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(4)
print(torch.matmul(tensor1, tensor2).size())
# batched matrix x batched matrix
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(10, 4, 5)
print(torch.matmul(tensor1, tensor2).size())
# batched matrix x broadcasted matrix
tensor1 = torch.randn(10, 3, 4)
tensor2 = torch.randn(4, 5)
print(torch.matmul(tensor1, tensor2).size())

# https://pytorch.org/docs/1.13/generated/torch.bmm.html
input = torch.randn(10, 3, 4)
mat2 = torch.randn(10, 4, 5)
res = torch.bmm(input, mat2)
print(res.size())

# https://pytorch.org/docs/1.13/generated/torch.mm.html
mat1 = torch.randn(2, 3)
mat2 = torch.randn(3, 3)
print(torch.mm(mat1, mat2))

# https://pytorch.org/docs/1.13/generated/torch.addmm.html
M = torch.randn(2, 3)
mat1 = torch.randn(2, 3)
mat2 = torch.randn(3, 3)
print(torch.addmm(M, mat1, mat2))

# https://pytorch.org/docs/1.13/generated/torch.outer.html
v1 = torch.arange(1., 5.)
v2 = torch.arange(1., 4.)
print(torch.outer(v1, v2))

# https://pytorch.org/docs/1.13/generated/torch.dot.html
print(torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])))

# https://pytorch.org/docs/1.13/generated/torch.mv.html
mat = torch.randn(2, 3)
vec = torch.randn(3)
print(torch.mv(mat, vec))
