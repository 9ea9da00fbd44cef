# Differential-fuzzer find (seeds 1057 #8565, 1067 #6222, 1090 #6308): x[bool mask] = t with a
# one-element t that requires grad is PyTorch 1.13's masked-fill path of index_put_, which records
# IndexPutBackward0 (CopySlices after basic indexing) whatever x's dtype: an integer or bool x then
# requires grad. Other index tensors need matching dtypes.
import torch
v = torch.tensor(2.0, requires_grad=True)
w = torch.tensor([2.0], requires_grad=True)
x = torch.tensor([1, 0, 3]); x[x > 0] = v; print(x, x.requires_grad, x.is_leaf)
x = torch.tensor([1, 0, 3]); x[x > 0] = w; print(x, x.requires_grad)
x = torch.tensor([1, 0, 3]); x[x > 5] = v; print(x, x.requires_grad)
x = torch.tensor([[1, 0, 3]]); x[0, x[0] > 0] = v; print(x, x.requires_grad)
x = torch.tensor([[True, False]]); x[:, torch.tensor([True, False])] = v; print(x, x.requires_grad)
x = torch.tensor([1, 0, 3]); x[x > 0] = v.detach(); print(x, x.requires_grad)
x = torch.tensor([1., 0, 3]); x[x > 0] = v; print(x, x.requires_grad)
y = x.to(torch.float32); print(y.requires_grad)
b = torch.tensor([False, True, True]); b[b > 0] = v; b.retain_grad(); print(b, b.requires_grad)
x = torch.tensor([1, 0, 3])
try:
    x[torch.tensor([0])] = v
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
print(x.requires_grad)
