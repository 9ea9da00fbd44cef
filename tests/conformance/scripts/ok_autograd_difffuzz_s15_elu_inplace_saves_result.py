import torch
# check-stdout
import torch.nn.functional as F
# The in-place twins elu_ / celu_ (F.elu/selu/celu(..., inplace=True)) save their result, not the
# input: backward is elu_backward(..., is_result=True, result), so a later in-place change of the
# result (even an empty slice assignment) fails backward, and the double backward differentiates
# through the result (grad * grad_output * input_scale * (result < 0)).
for k in range(3):
    v2 = torch.tensor([[0.17], [3.0], [-2.0]], requires_grad=True)
    v3 = torch.clamp_max(v2, 6)
    v4 = F.elu(v3, inplace=True)
    if k == 0: v3[0:0, ...] = True
    if k == 1: v3[1:2] = 1.0
    try:
        g, = torch.autograd.grad(v4.sum(), [v2], create_graph=True)
        print(k, g)
    except RuntimeError as e:
        print(k, str(e)[:150])
for dt in [torch.float32, torch.float64]:
    x = torch.tensor([-1.0, 0.5, -0.3, 2.0, 0.0, float('nan'), -1e-30, -20.0] * 3, dtype=dt, requires_grad=True)
    for name, f in [("elu", lambda y: F.elu(y, 0.7, inplace=True)), ("selu", lambda y: F.selu(y, inplace=True)),
                    ("celu", lambda y: F.celu(y, 1.3, inplace=True)), ("celu out of place", lambda y: F.celu(y, 1.3)),
                    ("negative alpha", lambda y: F.elu(y, -0.5, inplace=True))]:
        y = x * 1.5
        z = f(y)
        print(name, dt, z.grad_fn.name())
        try:
            g, = torch.autograd.grad(z.sum(), x, create_graph=True)
            print(g.tolist(), g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())
            gg, = torch.autograd.grad(g.sum(), x)
            print(gg.tolist())
        except RuntimeError as e:
            print(e)
