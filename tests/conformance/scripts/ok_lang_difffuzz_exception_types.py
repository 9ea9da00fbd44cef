# Engine errors carry PyTorch's exception type (differential fuzzer): they are caught by the
# same except clauses as in PyTorch.
# check-stdout
import torch
import torch.nn.functional as F
x = torch.ones(2, 3)
try:
    x.sum(4)
except IndexError:
    print("IndexError: dim")
try:
    x.select(0, 5)
except IndexError:
    print("IndexError: select")
try:
    x @ 2
except TypeError:
    print("TypeError: matmul")
try:
    torch.reshape(x, 6)
except TypeError:
    print("TypeError: reshape")
try:
    F.cross_entropy(torch.ones(4, 3), torch.tensor([0]))
except ValueError:
    print("ValueError: batch")
try:
    F.nll_loss(torch.ones(2, 3), torch.tensor([0, 7]))
except IndexError:
    print("IndexError: target")
try:
    x.mm(torch.ones(4, 2))
except RuntimeError:
    print("RuntimeError: mm")
try:
    torch.tensor([1, 2]).add(torch.tensor([1, 2]), alpha=0.5)
except RuntimeError:
    print("RuntimeError: alpha")
try:
    x.var(keepdim=True)
except TypeError:
    print("TypeError: var")
try:
    x.sum([1, 1])
except RuntimeError:
    print("RuntimeError: dims")
