# Elementwise ops PyTorch computes with TensorIterator allocate their result in the inputs' memory
# order (a transposed or permuted input gives a transposed or permuted result), and random_ /
# normal_ then draw in that order (difffuzz 1414#6304: hypot of a swapdims_'d tensor).
import torch
import torch.nn.functional as F

torch.manual_seed(85)
v1 = torch.tensor([[-0.290, 1e30], [-2.00, -0.72]], dtype=torch.float32)
v2 = torch.relu_(v1)
v3 = v1.swapdims_(0, 1)
v7 = torch.hypot(v1, v2)
print(v7.stride(), v7.is_contiguous())
v8 = v7.random_(-3, -1)
print(v7)

a = torch.tensor([[1.5, -2.0, 0.5], [3.0, 0.25, -1.0]])
t2 = a.t()
b3 = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 7 - 1.5
p3 = b3.permute(2, 0, 1)
i2 = torch.tensor([[1, 2, 3], [4, 5, 6]]).t()
i3 = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1)
ops = [
    ("hypot", lambda x: torch.hypot(x, x)),
    ("hypot_mixed", lambda x: torch.hypot(x, x.contiguous())),
    ("atan2", lambda x: torch.atan2(x, x)),
    ("fmod", lambda x: torch.fmod(x, x)),
    ("fmod_number", lambda x: torch.fmod(x, 1.5)),
    ("xlogy", lambda x: torch.xlogy(x, x)),
    ("xlogy_number", lambda x: torch.xlogy(x, 2.0)),
    ("xlogy_number_self", lambda x: torch.xlogy(2.0, x)),
    ("lerp", lambda x: torch.lerp(x, x, 0.3)),
    ("lerp_tensor_weight", lambda x: torch.lerp(x, x.contiguous(), x)),
    ("addcmul", lambda x: torch.addcmul(x.contiguous(), x, x, value=0.5)),
    ("addcdiv", lambda x: torch.addcdiv(x, x, x, value=0.5)),
    ("gelu", lambda x: F.gelu(x)),
    ("elu", lambda x: F.elu(x)),
    ("celu", lambda x: F.celu(x)),
    ("selu", lambda x: F.selu(x)),
    ("silu", lambda x: F.silu(x)),
    ("mish", lambda x: F.mish(x)),
    ("hardswish", lambda x: F.hardswish(x)),
    ("methods", lambda x: x.hypot(x).atan2(x).fmod(2.0).lerp(x, 0.5)),
    ("clamp_tensor_bounds", lambda x: torch.clamp(x, x - 0.1, x + 0.1)),
    ("clamp_nan_bound", lambda x: torch.clamp(x, float("nan"), 1.0)),
    ("logical_and", lambda x: torch.logical_and(x, x).float()),
    ("logical_or", lambda x: torch.logical_or(x, x.contiguous()).float()),
    ("logical_xor", lambda x: torch.logical_xor(x, x).float()),
    ("isclose", lambda x: torch.isclose(x, x).float()),
    ("rpow", lambda x: 2 ** x),
    ("pow_number_base", lambda x: torch.pow(2, x)),
]
for name, f in ops:
    r2, r3 = f(t2), f(p3)
    torch.manual_seed(1)
    r3.normal_()
    print(name, r2.stride(), r3.stride(), r3[0])
for name, f in [("fmod_int", lambda x: torch.fmod(x, 3)), ("bitwise_not", torch.bitwise_not),
                ("invert", lambda x: ~x), ("invert_int32", lambda x: ~x.int()),
                ("clamp_int", lambda x: x.clamp(2, 4))]:
    r2, r3 = f(i2), f(i3)
    torch.manual_seed(2)
    r3.random_(0, 100)
    print(name, r2.stride(), r3.stride(), r3[1])

# contiguous inputs: row-major; an in-place activation keeps its input's layout
print(torch.hypot(a, a).stride(), F.elu(b3).stride())
c = p3.clone()
print(F.hardswish(c, inplace=True).stride(), F.elu(c, inplace=True) is c)

# the saved output and the gradient are unchanged
w = t2.clone().requires_grad_()
z = torch.hypot(w, w * 2)
z.sum().backward()
print(z, z.stride(), w.grad)
