import torch
# x[None, mask] = v writes through applySlicing's view of x: x keeps its stored (empty) grad_fn,
# so an in-place op on x before anything reads x.grad_fn is refused as one on a leaf (PyTorch 1.13).
v1 = torch.tensor([2.], requires_grad=True)
try: v1[None] = v1.detach()
except Exception as e: print(1, type(e).__name__, str(e))
try: v1[...] = 1.
except Exception as e: print(2, type(e).__name__, str(e))
try: v1[:] = 1.
except Exception as e: print(3, type(e).__name__, str(e))
w0 = torch.tensor(1.5)
w = w0[None]
w[None, w > 0] = v1
print(w0.grad_fn is not None, w.requires_grad)
u0 = torch.tensor(1.5)
u = u0[None]
u[None, u > 0] = v1
print(u.is_leaf)
u *= 2
print(u, u.grad_fn is not None)
w *= True  # expect-error
