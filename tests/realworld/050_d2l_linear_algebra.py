# source: https://classic.d2l.ai/chapter_preliminaries/linear-algebra.html
# (PyTorch tab; a notebook cell's displayed value is printed)
import torch

x = torch.tensor(3.0)
y = torch.tensor(2.0)

print((x + y, x * y, x / y, x**y))

x = torch.arange(4)
print(x)

print(x[3])

print(len(x))

print(x.shape)

A = torch.arange(20).reshape(5, 4)
print(A)

print(A.T)

B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
print(B)

print(B == B.T)

X = torch.arange(24).reshape(2, 3, 4)
print(X)

A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
B = A.clone()  # Assign a copy of `A` to `B` by allocating new memory
print((A, A + B))

print(A * B)

a = 2
X = torch.arange(24).reshape(2, 3, 4)
print((a + X, (a * X).shape))
