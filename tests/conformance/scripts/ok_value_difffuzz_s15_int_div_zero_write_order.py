# An integer floor_divide_ / remainder_ / fmod_ meeting a zero divisor raises ZeroDivisionError
# after writing the elements its TensorIterator loop visited first: dims ordered by the operands'
# strides (self first), not the row-major order of the result.
import torch
def run(name, f):
    try:
        f()
        print(name, "ok")
    except RuntimeError as e:
        print(name, type(e).__name__, str(e))

def t1():
    x = torch.arange(1, 13).reshape(3, 4)
    y = x.t()
    d = torch.tensor([[1, 2, 0], [3, 1, 1], [2, 2, 2], [1, 0, 1]])
    try: y.floor_divide_(d)
    finally: print(x)
def t2():
    x = torch.arange(1, 13).reshape(3, 4)
    y = x.t()
    d = torch.tensor([[1, 2, 0], [3, 1, 1], [2, 2, 2], [1, 0, 1]]).t().contiguous().t()
    try: y.remainder_(d)
    finally: print(x)
def t3():
    x = torch.arange(1, 13).reshape(3, 4).t().contiguous().t()  # column-major self
    d = torch.tensor([1, 0, 2, 3])
    try: x.fmod_(d)
    finally: print(x)
def t4():
    x = torch.arange(1, 25).reshape(2, 3, 4).permute(2, 0, 1)
    d = torch.tensor([[2], [0]])
    try: x.floor_divide_(d)
    finally: print(x.permute(1, 2, 0))
def t5():
    x = torch.arange(10, 34).reshape(2, 3, 4)[:, ::2, 1:]
    d = torch.tensor([[[3, 1, 2], [1, 0, 1]], [[1, 1, 1], [0, 1, 1]]]).transpose(1, 2).contiguous().transpose(1, 2)
    base = x
    try: x.remainder_(d)
    finally: print(x)
def t6():
    x = torch.arange(1, 13).reshape(3, 4)
    y = x.t()
    try: y.floor_divide_(torch.tensor(0))
    finally: print(x)
def t7():
    x = torch.arange(1, 13).reshape(4, 3).t()
    d = torch.tensor([1, 1, 0])
    try: x.floor_divide_(d.view(3, 1))
    finally: print(x)
for f in [t1, t2, t3, t4, t5, t6, t7]:
    run(f.__name__, f)

v0 = torch.tensor([[[5, 3], [0, 1], [6, 0]], [[1, 1], [3, 2], [-4, 1]], [[-4, 3], [1, -1], [0, 5]]], dtype=torch.int64)
v4 = v0.diagonal(dim1=0)
try:
    v4.floor_divide_(v4)
except RuntimeError as e:
    print(str(e))
print(v0)
