# check-stdout
# Differential-fuzzer finds in x[index] = value. PyTorch's order: the index items' kinds and count
# and the int/slice indexing first (IndexError), then index_put_'s leaf check, then the index
# tensors' own checks. One mask with a one-element tensor value takes PyTorch's masked_fill_ path:
# no dtype match needed, value.item() converted with the overflow check of a Python number, which
# every number assigned into a tensor gets.
import torch


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__)


leaf = torch.tensor([[-2.4], [1.5], [1.9], [2.9], [-0.2]], requires_grad=True)


def s1():
    leaf[leaf > 0, :] = leaf


def s2():
    leaf[leaf > 0, 0] = 1.0


def s3():
    leaf[torch.tensor([7])] = 1.0


def s4():
    leaf[0, 5] = 1.0


def s5():
    leaf[torch.tensor([0]), 3] = 1.0


def s6():
    leaf[torch.tensor([0]), :, None, :] = 1.0


def s7():
    leaf[1:2, torch.tensor([0])] = 1.0


def s8():
    leaf[torch.tensor([0], dtype=torch.int32)] = 1.0


for label, f in [("s1", s1), ("s2", s2), ("s3", s3), ("s4", s4), ("s5", s5), ("s6", s6), ("s7", s7), ("s8", s8)]:
    attempt(label, f)

x = torch.tensor([0.39, -1.0, 2.5], dtype=torch.float64)
x[x > 0] = torch.tensor(1)
x[x < 0] = torch.tensor([[7]])
y = torch.tensor([0.5, -1.0, 2.5])
y[y > 1, None] = torch.tensor(3, dtype=torch.int64)
i8 = torch.tensor([6, 2, 5], dtype=torch.int8)
i8[i8 > 5] = torch.tensor(True)
u8 = torch.tensor([1, 2], dtype=torch.uint8)
u8[0] = -1
big = torch.tensor([1, 2])
big[0] = 9.2e18


def d1():
    x[torch.tensor([0])] = torch.tensor(1)


def d2():
    x[torch.tensor(True)] = torch.tensor(1)


def d3():
    i8[i8 > 2] = torch.tensor(1000)


def d4():
    i8[0] = 1000


def d5():
    i8[0] = -float('inf')


def d6():
    i8[0:1] = 127.9


def d7():
    i8[torch.tensor([0])] = 1000


def d8():
    i8[...] = float('nan')


def d9():
    y[0] = 1e39


def d10():
    u8[1] = 256


def d11():
    big[1] = float('inf')


def d12():
    i8[5] = 1000  # the number's conversion comes before the index


def d13():
    leaf[torch.tensor([0])] = 1e39  # ... and before the leaf check


for label, f in [("d12", d12), ("d13", d13), ("d1", d1), ("d2", d2), ("d3", d3), ("d4", d4), ("d5", d5), ("d6", d6), ("d7", d7), ("d8", d8),
                 ("d9", d9), ("d10", d10), ("d11", d11)]:
    attempt(label, f)
b = torch.tensor([True, False])
b[1] = 5
i8[1] = torch.tensor(1000)
y[1] = float('inf')
print(x, y, i8, u8, b, big)
