# An integer tensor that requires grad (x[mask] = v with v requiring grad: 1.13's index_put_ keeps
# the history) makes PyTorch's set_history assert for any op that records a node with an integer
# output (out-of-place ops, views, in-place view ops such as transpose_): a RuntimeError. In-place
# ops (add_, fill_, index_put_) rebase its history without that check.
import torch
v0 = torch.tensor(2.66, requires_grad=True)
def mk():
    t = torch.tensor([0, 1])
    t[t >= 0] = v0
    return t
for name, f in [("add", lambda t: t + 1), ("sum", lambda t: t.sum()), ("getitem", lambda t: t[0]),
                ("view", lambda t: t.view(2, 1)), ("transpose_", lambda t: t.transpose_(-1, 0)), ("unsqueeze_", lambda t: t.unsqueeze_(0)),
                ("neg", lambda t: -t), ("clone", lambda t: t.clone()), ("float", lambda t: t.float()), ("mul_float", lambda t: t * 1.5),
                ("eq", lambda t: t == 1), ("add_", lambda t: t.add_(1)), ("fill_", lambda t: t.fill_(3)), ("zero_", lambda t: t.zero_())]:
    t = mk()
    try:
        r = f(t)
        print(name, "ok", r.dtype, type(r.grad_fn).__name__, type(t.grad_fn).__name__)
    except RuntimeError as e:
        print(name, "RuntimeError", str(e)[:40], type(t.grad_fn).__name__)
