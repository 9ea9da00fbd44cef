# masked_fill_ with a mask byte other than 0 or 1: PyTorch 1.13's CPU kernel checks each mask
# element's first byte as its TensorIterator loop reaches it and raises at the first bad one,
# having written value where the bytes before it were 1 (in TensorIterator's order).
import torch
def run(x, m, v):
    try:
        x.masked_fill_(m, v)
    except RuntimeError as e:
        print(str(e))
    print(x)
run(torch.tensor([-2.06, 2.4, -0.9, -2.28], dtype=torch.float64), torch.tensor([1, 2, 3, 0]), -1.9)
run(torch.tensor([-1, 4, 5], dtype=torch.int32), torch.tensor([1, -4, -5], dtype=torch.int32), 0)
# 2-d, row-major self
run(torch.zeros(3, 4), torch.tensor([[1, 0, 1, 1], [0, 1, 5, 1], [1, 1, 1, 1]]), 7.0)
# transposed self: the loop follows self's strides (column-major here)
run(torch.zeros(4, 3).t(), torch.tensor([[1, 0, 1, 1], [0, 1, 5, 1], [1, 1, 1, 1]]), 7.0)
# a mask broadcast over rows
run(torch.zeros(3, 4), torch.tensor([1, 1, 9, 1], dtype=torch.uint8), 2.0)
# a transposed mask with a contiguous self: self's strides decide
run(torch.zeros(3, 3), torch.tensor([[1, 1, 1], [1, 1, 1], [1, 3, 1]]).t(), -1.0)
# bytes of 256 / 257 (int16): 0 and 1; a float mask: the low byte of its bits
run(torch.zeros(4), torch.tensor([256, 257, 513, 2], dtype=torch.int16), 3.0)
run(torch.zeros(3), torch.tensor([1.0, 1.0000000000000002, 1.5], dtype=torch.float64), 3.0)
# a value tensor, an integer self
run(torch.arange(6).reshape(2, 3), torch.tensor([[1, 1, 0], [1, 2, 1]], dtype=torch.int8), torch.tensor(-5))
# an expanded self (PyTorch warns and writes): the shared element is written
run(torch.zeros(1).expand(4), torch.tensor([0, 1, 7, 1]), 4.0)
# no write before the bad byte
run(torch.ones(3), torch.tensor([0, 0, 2]), 9.0)
run(torch.ones(3), torch.tensor([2, 1, 1]), 9.0)
# out of place: raises, nothing written
x = torch.ones(3)
try:
    x.masked_fill(torch.tensor([1, 2, 1]), 0.0)
except RuntimeError as e:
    print(str(e))
print(x)
# a self that requires grad through a view: its version and history stay
base = torch.zeros(2, 3, requires_grad=True)
y = base * 1
yv = y[0]
run(yv, torch.tensor([1, 1, 4]), 5.0)
print(y)
y.sum().backward()
print(base.grad)
