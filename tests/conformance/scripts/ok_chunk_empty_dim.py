# torch.chunk of an empty dim gives `chunks` empty chunks (PyTorch's split_with_sizes of zeros).
import torch

x = torch.zeros(0, 3, requires_grad=True)
parts = torch.chunk(x, 3, 0)
print(len(parts), [p.shape for p in parts], parts[2].grad_fn.name())
y = torch.zeros(2, 0, dtype=torch.bool)
print(len(y.chunk(2, 1)), y.chunk(2, 1)[1].shape, len(torch.ones(0).chunk(1)))
