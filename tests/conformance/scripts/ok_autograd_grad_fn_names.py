# check-stdout
# grad_fn names are PyTorch's, including for composite ops (mean, mse_loss, cross_entropy, linear, ...)
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(4, 5, requires_grad=True)
v = torch.randn(4, requires_grad=True)
t = torch.tensor([0, 2, 1])
exprs = {
 "mean": lambda: x.mean(), "mean_dim": lambda: x.mean(1), "sum": lambda: x.sum(), "sum_dim": lambda: x.sum(0),
 "mse": lambda: F.mse_loss(x, torch.zeros(3, 4)), "ce": lambda: F.cross_entropy(x, t), "nll": lambda: F.nll_loss(x, t),
 "linear": lambda: F.linear(x, w.t(), v[:1].expand(5) if False else torch.zeros(5)), "softmax": lambda: F.softmax(x, 1),
 "neg": lambda: -x, "matmul": lambda: x @ w, "mv": lambda: x @ v, "vm": lambda: v @ w, "dot": lambda: v @ v, "T": lambda: x.T, "t": lambda: x.t(),
 "reshape": lambda: x.reshape(12), "view": lambda: x.view(12), "flatten": lambda: x.flatten(), "relu": lambda: x.relu(), "sigmoid": lambda: x.sigmoid(),
 "tanh": lambda: x.tanh(), "exp": lambda: x.exp(), "log": lambda: x.abs().log(), "abs": lambda: x.abs(), "std": lambda: x.std(), "var": lambda: x.var(),
 "max": lambda: x.max(), "max_dim": lambda: x.max(1)[0], "amax": lambda: x.amax(1), "clamp": lambda: x.clamp(0, 1), "clamp_min": lambda: x.clamp(min=0),
 "unsqueeze": lambda: x.unsqueeze(0), "squeeze": lambda: x.unsqueeze(0).squeeze(0), "cat": lambda: torch.cat([x, x]), "stack": lambda: torch.stack([x, x]),
 "transpose": lambda: x.transpose(0, 1), "permute": lambda: x.permute(1, 0), "expand": lambda: v.expand(3, 4), "where": lambda: torch.where(x > 0, x, x * 2),
 "gelu": lambda: F.gelu(x), "leaky": lambda: F.leaky_relu(x), "bce": lambda: F.binary_cross_entropy_with_logits(x, torch.ones(3, 4)),
 "layer_norm": lambda: F.layer_norm(x, (4,)), "softplus": lambda: F.softplus(x), "logsumexp": lambda: x.logsumexp(1), "prod": lambda: x.prod(),
 "sqrt": lambda: x.abs().sqrt(), "mul": lambda: x * x, "add": lambda: x + x, "clone": lambda: x.clone(), "double": lambda: x.double(),
 "to": lambda: x.to(torch.float64), "gather": lambda: x.gather(1, t.unsqueeze(1)), "index_select": lambda: x.index_select(0, t),
 "maximum": lambda: torch.maximum(x, x * 2), "erf": lambda: torch.erf(x), "mm": lambda: x.mm(w), "bmm": lambda: torch.bmm(x.unsqueeze(0), w.unsqueeze(0)),
 "dropout": lambda: F.dropout(x, 0.5), "sin": lambda: x.sin(), "min": lambda: x.min(), "argmax_sum": lambda: (x * 1).sum(1), "contig": lambda: x.t().contiguous(),
 "float": lambda: x.float(), "linear2": lambda: F.linear(x, w.t()), "repeat_add": lambda: x + v,
}
for k, f in exprs.items():
    try:
        print(k, type(f().grad_fn).__name__ if f().grad_fn is not None else None)
    except Exception as e:
        print(k, "ERR", type(e).__name__)
