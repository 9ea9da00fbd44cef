# Tensor.stride() and storage_offset() of views (in elements, as PyTorch).
import torch
x = torch.arange(24.0).reshape(2, 3, 4)
print(x.stride(), x.stride(0), x.stride(-1), x.storage_offset())
y = x.transpose(0, 2)[1:, :, 1]
print(y.stride(), y.storage_offset(), y.shape)
print(x[:, ::2].stride(), x.expand(5, 2, 3, 4).stride(), x[1, 2].storage_offset())
print(torch.tensor(3.0).stride(), x.t() if False else x.permute(2, 0, 1).stride())
for bad in [3, -4]:
    try:
        x.stride(bad)
    except IndexError as e:
        print("IndexError")
try:
    torch.tensor(3.0).stride(0)
except IndexError as e:
    print("IndexError")
