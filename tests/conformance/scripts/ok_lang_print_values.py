import torch
# check-stdout
x = torch.tensor([1, 2, 3])
print("hello", 42, True, None)
print(x.sum().item(), x.argmax().item())
print(tuple(x.shape), x.numel())
print()
print("a", "b")
print(x.requires_grad, x.is_leaf)
print(-7, 0, 3 * 4, 7 - 10)
