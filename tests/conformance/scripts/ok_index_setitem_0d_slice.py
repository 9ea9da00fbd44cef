import torch
# x0d[a:b] = v: PyTorch 1.13 copies v into the whole 0-d tensor for x0d[0:0] (applySlice reads sizes[0] of an empty size list), any other slice raises IndexError (difffuzz seed 101 #2: 300 of 100,000 programs)
x = torch.tensor(5.)
try:
    x[0:0]=torch.tensor([1.,2.])
    print('x[0:0]=torch.tensor([1.,2.])', 'ok', x)
except Exception as e:
    print('x[0:0]=torch.tensor([1.,2.])', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:0]=torch.tensor(3.)
    print('x[0:0]=torch.tensor(3.)', 'ok', x)
except Exception as e:
    print('x[0:0]=torch.tensor(3.)', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[:0]=7
    print('x[:0]=7', 'ok', x)
except Exception as e:
    print('x[:0]=7', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:0]=torch.tensor([3.])
    print('x[0:0]=torch.tensor([3.])', 'ok', x)
except Exception as e:
    print('x[0:0]=torch.tensor([3.])', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:0:1]=2
    print('x[0:0:1]=2', 'ok', x)
except Exception as e:
    print('x[0:0:1]=2', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[-1:0]=2
    print('x[-1:0]=2', 'ok', x)
except Exception as e:
    print('x[-1:0]=2', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:-1]=2
    print('x[0:-1]=2', 'ok', x)
except Exception as e:
    print('x[0:-1]=2', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[False]=3
    print('x[False]=3', 'ok', x)
except Exception as e:
    print('x[False]=3', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:5]=torch.tensor(7.)
    print('x[0:5]=torch.tensor(7.)', 'ok', x)
except Exception as e:
    print('x[0:5]=torch.tensor(7.)', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[:]=3.
    print('x[:]=3.', 'ok', x)
except Exception as e:
    print('x[:]=3.', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:0,]=2.
    print('x[0:0,]=2.', 'ok', x)
except Exception as e:
    print('x[0:0,]=2.', type(e).__name__, e)
x = torch.tensor(5.)
try:
    x[0:0:0]=1
    print('x[0:0:0]=1', 'ok', x)
except Exception as e:
    print('x[0:0:0]=1', type(e).__name__, e)
