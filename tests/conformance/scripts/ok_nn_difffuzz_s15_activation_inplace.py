# check-stdout
import torch
import torch.nn.functional as F
# activations with inplace=True (and the F.*_ forms) write into the input: a leaf that requires
# grad is refused; on a non-leaf the input gets the op's node
for name, f in [("hardtanh", lambda x: F.hardtanh(x, inplace=True)), ("relu", lambda x: F.relu(x, inplace=True)),
                ("F.relu_", lambda x: F.relu_(x)), ("F.elu_", lambda x: F.elu_(x)), ("torch.relu_", lambda x: torch.relu_(x)),
                ("F.hardtanh_", lambda x: F.hardtanh_(x, -0.5, 1.5)), ("relu6", lambda x: F.relu6(x, inplace=True)),
                ("hardsigmoid", lambda x: F.hardsigmoid(x, inplace=True)), ("relu_off", lambda x: F.relu(x))]:
    x = torch.tensor([-1.5, 0.5, 2.0], requires_grad=True)
    try:
        r = f(x)
        print(name, "ok", type(r.grad_fn).__name__)
    except Exception as e: print(name, type(e).__name__, str(e)[:50])
    x = torch.tensor([-1.5, 0.5, 2.0], requires_grad=True)
    y = x * 1
    r = f(y)
    print(name, r is y, type(y.grad_fn).__name__, [round(v, 3) for v in y.tolist()])
    y.sum().backward()
    print([round(v, 3) for v in x.grad.tolist()])
with torch.no_grad():
    x = torch.tensor([-1.5, 0.5, 2.0], requires_grad=True)
    print(F.hardtanh(x, inplace=True) is x, x.tolist())
