# check-stdout
import torch
# an in-place view op whose recording fails (a bool tensor with history) still changes self's shape
v0 = torch.tensor(-2.120, requires_grad=True)
v1 = torch.tensor([True])
v1[:-1] = v0
try: v1.squeeze_(-1)
except Exception as e: print(type(e).__name__, str(e).split('\n')[0][:60])
print(v1.shape, type(v1.grad_fn).__name__, v1.requires_grad)
try: v1.unsqueeze_(0)
except Exception as e: print(type(e).__name__, str(e).split('\n')[0][:60])
print(v1.shape)
try: v1.unsqueeze_(5)
except Exception as e: print(type(e).__name__)
print(v1.shape)
try: v1.t_()
except Exception as e: print(type(e).__name__, str(e).split('\n')[0][:60])
print(v1.shape)
