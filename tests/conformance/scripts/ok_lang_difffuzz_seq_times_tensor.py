# A sequence times a tensor (either order, and `*=` on a tuple): Tensor's __mul__/__rmul__ give
# NotImplemented, so Python repeats the sequence by the tensor's __index__ (an integer or bool
# tensor of one element; anything else is a TypeError from __index__).
import torch
def t(f):
    try: print(f())
    except TypeError as e: print("TypeError", e)
t(lambda: (1, 2) * torch.tensor(2))
t(lambda: torch.tensor(2) * [1, 2])
t(lambda: "ab" * torch.tensor([True]))
t(lambda: (1,) * torch.tensor(2.0))
t(lambda: (1,) * torch.tensor([2, 3]))
t(lambda: [3] * torch.tensor(-1))
t(lambda: (1,) * torch.tensor(2, dtype=torch.uint8))
x = torch.chunk(torch.ones(2), 2)
x *= torch.tensor([True])
print(len(x))
x *= torch.tensor(False)
print(x)
