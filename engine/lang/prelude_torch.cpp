// torch, torch.nn and torch.nn.functional names written in the script language, for functions and
// modules that PyTorch 1.13 itself builds from other ops (or that are a few lines over existing
// ops): module_attr (torch_names.cpp) reads one of these when the native module lacks the name.
// Each follows PyTorch's formula (ATen's CPU kernel or torch/nn/functional.py) so that the
// printed values match. Where PyTorch has a native op, torch._tl_label names the node the function
// made after it (EluBackward0, CumprodBackward0, ...); elsewhere it is the last op's, as in PyTorch.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

namespace {

const char* const kPreludeTorchExtras = R"tlprelude(
# torch.* functions over existing ops.
import torch


def is_tensor(obj):
    return isinstance(obj, torch.Tensor)


def is_floating_point(input):
    return input.dtype.is_floating_point


def fmax(input, other):
    # max ignoring a NaN (NaN only if both are); ATen's gradient mask: input where
    # input >= other or other is NaN, other elsewhere
    return torch._tl_label(torch.where((input >= other) | (other != other), input, other), 'fmax', input, other)


def fmin(input, other):
    return torch._tl_label(torch.where((input <= other) | (other != other), input, other), 'fmin', input, other)


def index_add_(input, dim, index, source, *, alpha=1):
    # input.select(dim, index[i]) += alpha * source.select(dim, i), in order (repeats accumulate)
    for i, k in enumerate(index.tolist()):
        input.select(dim, k).add_(source.select(dim, i) * alpha)
    return input


def index_fill_(input, dim, index, value):
    for k in index.reshape(-1).tolist():
        input.select(dim, k).fill_(value)
    return input


def index_copy_(input, dim, index, source):
    for i, k in enumerate(index.tolist()):
        input.select(dim, k).copy_(source.select(dim, i))
    return input


def isnan(input):
    return input != input


def take(input, index):
    # input treated as 1-D (row-major), index of any shape
    return input.reshape(-1)[index]


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    if repeats is None:
        # torch.repeat_interleave(repeats): each index i repeated repeats[i] times
        return repeat_interleave(torch.arange(input.numel()), input, 0)
    if dim is None:
        input = input.reshape(-1)
        dim = 0
    if dim < 0:
        dim += input.dim()
    n = input.shape[dim]
    if isinstance(repeats, int):
        idx = torch.arange(n).view(-1, 1).expand(n, repeats).reshape(-1)
    else:
        r = [int(repeats.item())] * n if repeats.numel() == 1 else repeats.tolist()
        if len(r) != n:
            raise RuntimeError('repeats must have the same size as input along dim')
        idx = torch.tensor([i for i in range(n) for _ in range(r[i])], dtype=torch.long)
    # PyTorch: index_select of the repeated indices (IndexSelectBackward0)
    return input.index_select(dim, idx)


def cumprod(input, dim, *, dtype=None):
    r = _cumprod(input, dim, dtype)
    # PyTorch 1.13's set_history assert for an integral or bool dtype= of an input that requires grad
    if dtype is not None and not r.is_floating_point() and input.requires_grad and torch.is_grad_enabled():
        raise RuntimeError('isDifferentiableType(variable.scalar_type()) INTERNAL ASSERT FAILED at '
                           '"./torch/csrc/autograd/functions/utils.h":75, please report a bug to PyTorch. ')
    return r


def _cumprod(input, dim, dtype):
    # out[i] = out[i-1] * x[i] along dim, in order (ATen's cpu kernel); integers -> int64
    x = input
    if dtype is not None:
        x = x.to(dtype)
    elif not x.is_floating_point():
        x = x.long()
    if x.dim() == 0:
        return x.clone()
    parts = x.unbind(dim)
    if len(parts) == 0:
        return x.clone()
    acc = parts[0]
    out = [acc]
    for p in parts[1:]:
        acc = acc * p
        out.append(acc)
    return torch._tl_label(torch.stack(out, dim), 'cumprod', input)


def dist(input, other, p=2):
    d = (input - other).abs()
    if p == 0:
        r = (d != 0).sum().to(d.dtype)
    elif p == float('inf'):
        r = d.max()
    else:
        r = torch.norm(d, p)
    return torch._tl_label(r, 'dist', input, other)


def cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary'):
    # (.., P, M) x (.., R, M) -> (.., P, R): the p-norm of each row difference
    return torch.norm(x1.unsqueeze(-2) - x2.unsqueeze(-3), p, -1)


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        indexing = 'ij'
    if indexing not in ('ij', 'xy'):
        raise ValueError('torch.meshgrid: indexing must be one of "xy" or "ij", but received: ' + str(indexing))
    ts = list(tensors)
    swap = indexing == 'xy' and len(ts) >= 2
    if swap:
        ts[0], ts[1] = ts[1], ts[0]
    shape = [t.numel() for t in ts]
    grids = []
    for i, t in enumerate(ts):
        view = [1] * len(ts)
        view[i] = -1
        grids.append(t.reshape(view).expand(shape))
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)


def cartesian_prod(*tensors):
    if len(tensors) == 1:
        return tensors[0]
    grids = meshgrid(*tensors, indexing='ij')
    return torch.stack([g.reshape(-1) for g in grids], dim=1)


def _atleast_3d(t):
    if t.dim() == 0:
        return t.reshape(1, 1, 1)
    if t.dim() == 1:
        return t.reshape(1, -1, 1)
    if t.dim() == 2:
        return t.unsqueeze(-1)
    return t


def dstack(tensors):
    return torch.cat([_atleast_3d(t) for t in tensors], dim=2)

def diagonal(input, offset=0, dim1=0, dim2=1):
    # the (dim1, dim2) diagonal moved to the last dim (a copy here; a view in PyTorch)
    nd = input.dim()
    dim1 = dim1 % nd
    dim2 = dim2 % nd
    x = input.permute([d for d in range(nd) if d != dim1 and d != dim2] + [dim1, dim2])
    n1 = x.shape[-2]
    n2 = x.shape[-1]
    if offset >= 0:
        n = max(min(n1, n2 - offset), 0)
        i = torch.arange(n)
        j = i + offset
    else:
        n = max(min(n1 + offset, n2), 0)
        i = torch.arange(n) - offset
        j = torch.arange(n)
    return x[..., i, j]


_ELL = '0123456789'  # stand-ins for the dims an ellipsis covers (never letters of an equation)


def _einsum_letters(sub):
    # sublist format: ints 0..51 -> 'A'..'Z', 'a'..'z' (PyTorch's order: uppercase first)
    out = ''
    for v in sub:
        if not isinstance(v, int):  # Ellipsis
            out += '...'
        elif v < 26:
            out += chr(ord('A') + v)
        else:
            out += chr(ord('a') + v - 26)
    return out


def einsum(*args):
    # Broadcast product of the operands laid out over all letters, then a sum over the letters
    # missing from the output (PyTorch contracts pairwise through bmm: equal up to rounding).
    if len(args) >= 1 and not isinstance(args[0], str):
        ops = list(args)
        out_sub = ops.pop() if len(ops) % 2 == 1 else None
        eq = ','.join(_einsum_letters(ops[i + 1]) for i in range(0, len(ops), 2))
        if out_sub is not None:
            eq += '->' + _einsum_letters(out_sub)
        return einsum(eq, *[ops[i] for i in range(0, len(ops), 2)])
    eq = args[0].replace(' ', '')
    operands = list(args[1:])
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = list(operands[0])
    if '->' in eq:
        lhs, out = eq.split('->')
    else:
        lhs, out = eq, None
    subs = lhs.split(',')
    if len(subs) != len(operands):
        raise RuntimeError('einsum(): the number of subscripts in the equation (' + str(len(subs)) +
                           ') does not match the number of operands (' + str(len(operands)) + ')')
    ell_dims = 0
    for sub, op in zip(subs, operands):
        if '...' in sub:
            ell_dims = max(ell_dims, op.dim() - (len(sub) - 3))
    terms = []
    for sub, op in zip(subs, operands):
        if '...' in sub:
            n = op.dim() - (len(sub) - 3)
            sub = sub.replace('...', _ELL[ell_dims - n:ell_dims])
        if len(sub) != op.dim():
            raise RuntimeError('einsum(): the number of subscripts in the equation (' + str(len(sub)) +
                               ') does not match the number of dimensions (' + str(op.dim()) + ') for operand')
        terms.append(sub)
    if out is None:
        counts = {}
        for t in terms:
            for c in t:
                counts[c] = counts.get(c, 0) + 1
        out = _ELL[:ell_dims] + ''.join(sorted(c for c in counts if counts[c] == 1 and c not in _ELL))
    else:
        out = out.replace('...', _ELL[:ell_dims])
    letters = list(out)
    for t in terms:
        for c in t:
            if c not in letters:
                letters.append(c)
    prod = None
    for t, x in zip(terms, operands):
        i = 0
        while i < len(t):  # a letter repeated in one operand: its diagonal
            j = t.find(t[i], i + 1)
            if j >= 0:
                x = torch.diagonal(x, 0, i, j)
                t = t[:i] + t[i + 1:j] + t[j + 1:] + t[i]
            else:
                i += 1
        present = [c for c in letters if c in t]
        x = x.permute([t.index(c) for c in present])
        x = x.reshape([x.size(present.index(c)) if c in t else 1 for c in letters])
        prod = x if prod is None else prod * x
    if len(letters) > len(out):
        prod = prod.sum(tuple(range(len(out), len(letters))))
    return prod
)tlprelude";

const char* const kPreludeFExtras = R"tlprelude(
# torch.nn.functional.* over existing ops (formulas of ATen's CPU kernels / functional.py).
import math
import torch


def _reduce(out, reduction):
    if reduction == 'mean':
        return out.mean()
    if reduction == 'sum':
        return out.sum()
    if reduction == 'none':
        return out
    raise ValueError(reduction + ' is not a valid value for reduction')


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    # ATen's hardtanh_backward: g only strictly inside (min_val, max_val); 0 at the bounds and
    # for NaN (whose value stays NaN)
    inside = (input > min_val) & (input < max_val)
    return torch._tl_label(torch.where(inside, input, torch.clamp(input, min_val, max_val).detach()), 'hardtanh', input,
                           inplace=inplace)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, True)


def relu(input, inplace=False):
    if inplace:
        return torch.relu_(input)
    return torch.relu(input)


def relu_(input):
    return torch.relu_(input)


def elu_(input, alpha=1.0):
    return torch.nn.functional.elu(input, alpha, True)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def hardsigmoid(input, inplace=False):
    # y = min(max(x + 3, 0), 6) / 6; gradient g / 6 only strictly inside (-3, 3) (0 for NaN)
    inside = (input > -3) & (input < 3)
    return torch._tl_label(torch.where(inside, (input + 3) / 6, torch.clamp(input + 3, 0, 6).detach() / 6), 'hardsigmoid', input,
                           inplace=inplace)


def tanhshrink(input):
    return input - input.tanh()


def hardshrink(input, lambd=0.5):
    # x outside [-lambd, lambd], else 0; gradient g only outside (0 for NaN, whose value stays NaN)
    outside = (input < -lambd) | (input > lambd)
    return torch._tl_label(torch.where(outside, input, torch.where(input == input, torch.zeros_like(input), input).detach()), 'hardshrink', input)


def softshrink(input, lambd=0.5):
    # x - lambd above lambd, x + lambd below -lambd, else 0 (NaN included, with gradient 0)
    return torch._tl_label(torch.where(input > lambd, input - lambd,
                                       torch.where(input < -lambd, input + lambd, torch.zeros_like(input))), 'softshrink', input)


def threshold(input, threshold, value, inplace=False):
    # value where x <= threshold, else x (NaN passes, with its gradient)
    return torch._tl_label(torch.where(input <= threshold, torch.full_like(input, value), input), 'threshold', input)


def softsign(input):
    return input / (input.abs() + 1)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    return torch.softmax(-input, dim) if dtype is None else torch.softmax(-input, dim, dtype=dtype)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    # ATen 1.13: each input divided by its 2-norm (clamped to eps), then the sum of the products
    x1_norm = torch.norm(x1, 2, dim, True).clamp_min(eps)
    x2_norm = torch.norm(x2, 2, dim, True).clamp_min(eps)
    return ((x1 / x1_norm) * (x2 / x2_norm)).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    return torch.norm(x1 - x2 + eps, p, -1, keepdim)


def bilinear(input1, input2, weight, bias=None):
    # y[n, o] = x1[n, :] @ W[o] @ x2[n, :] + b[o]
    t = torch.matmul(input1.unsqueeze(-3), weight)          # (o, n, j)
    y = (t * input2.unsqueeze(-3)).sum(-1)                  # (o, n)
    y = y.transpose(-1, -2) if y.dim() >= 2 else y
    return y if bias is None else y + bias


def kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False):
    if log_target:
        out = torch.exp(target) * (target - input)
    else:
        # xlogy(target, target) - target * input
        out = torch.where(target == 0, torch.zeros_like(target), target * torch.log(target)) - target * input
    if reduction == 'batchmean':
        return out.sum() / input.size(0) if input.dim() != 0 else out.sum()
    return _reduce(out, reduction)


def huber_loss(input, target, reduction='mean', delta=1.0):
    z = (input - target).abs()
    big = z >= delta  # NaN takes the square's branch, as PyTorch's backward
    zs = torch.where(big, torch.zeros_like(z), z)  # an infinite z would put 0 * inf = NaN into the gradient
    out = torch.where(big, delta * (z - 0.5 * delta), 0.5 * zs * zs)
    return torch._tl_label(_reduce(out, reduction), 'huber_loss', input, target)


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction='mean'):
    return _reduce(torch.clamp_min(-target * (input1 - input2) + margin, 0), reduction)


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    return torch._tl_label(_reduce(torch.log1p(torch.exp(-target * input)), reduction), 'soft_margin_loss', input, target)
)tlprelude";

const char* const kPreludeNNExtras = R"tlprelude(
# torch.nn module classes over torch.nn.functional (reprs as PyTorch 1.13's extra_repr).
import math
import torch
from torch.nn import Module, Parameter, init
import torch.nn.functional as F


class ELU(Module):
    def __init__(self, alpha=1., inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return F.elu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return 'alpha={}{}'.format(self.alpha, ', inplace=True' if self.inplace else '')


class SiLU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.silu(input, inplace=self.inplace)

    def extra_repr(self):
        return 'inplace=True' if self.inplace else ''


class Mish(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.mish(input, inplace=self.inplace)

    def extra_repr(self):
        return 'inplace=True' if self.inplace else ''


class Hardswish(Mish):
    def forward(self, input):
        return F.hardswish(input, self.inplace)


class Softplus(Module):
    def __init__(self, beta=1, threshold=20):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return F.softplus(input, self.beta, self.threshold)

    def extra_repr(self):
        return 'beta={}, threshold={}'.format(self.beta, self.threshold)


class Hardtanh(Module):
    def __init__(self, min_val=-1., max_val=1., inplace=False, min_value=None, max_value=None):
        super().__init__()
        if min_value is not None:
            min_val = min_value
        if max_value is not None:
            max_val = max_value
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace
        assert self.max_val > self.min_val

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return 'min_val={}, max_val={}{}'.format(self.min_val, self.max_val, ', inplace=True' if self.inplace else '')


class ReLU6(Hardtanh):
    def __init__(self, inplace=False):
        super().__init__(0., 6., inplace)

    def extra_repr(self):
        return 'inplace=True' if self.inplace else ''


class SELU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.selu(input, self.inplace)

    def extra_repr(self):
        return 'inplace=True' if self.inplace else ''


class CELU(Module):
    def __init__(self, alpha=1., inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return 'alpha={}{}'.format(self.alpha, ', inplace=True' if self.inplace else '')


class Hardsigmoid(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.hardsigmoid(input, self.inplace)


class Tanhshrink(Module):
    def forward(self, input):
        return F.tanhshrink(input)


class Hardshrink(Module):
    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        return F.hardshrink(input, self.lambd)

    def extra_repr(self):
        return '{}'.format(self.lambd)


class Softshrink(Hardshrink):
    def forward(self, input):
        return F.softshrink(input, self.lambd)

    def extra_repr(self):
        return str(self.lambd)


class Threshold(Module):
    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return 'threshold={}, value={}{}'.format(self.threshold, self.value, ', inplace=True' if self.inplace else '')


class Softsign(Module):
    def forward(self, input):
        return F.softsign(input)


class LogSigmoid(Module):
    def forward(self, input):
        return F.logsigmoid(input)


class Softmin(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmin(input, self.dim)

    def extra_repr(self):
        return 'dim={dim}'.format(dim=self.dim)


class Bilinear(Module):
    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        self.weight = Parameter(torch.empty((out_features, in1_features, in2_features)))
        if bias:
            self.bias = Parameter(torch.empty(out_features))
        else:
            self.bias = None
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / math.sqrt(self.weight.size(1))
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        return F.bilinear(input1, input2, self.weight, self.bias)

    def extra_repr(self):
        return 'in1_features={}, in2_features={}, out_features={}, bias={}'.format(
            self.in1_features, self.in2_features, self.out_features, self.bias is not None)


class CosineSimilarity(Module):
    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return F.cosine_similarity(x1, x2, self.dim, self.eps)


class PairwiseDistance(Module):
    def __init__(self, p=2., eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)


class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction='mean'):
        super().__init__()
        self.reduction = reduction


class KLDivLoss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction='mean', log_target=False):
        super().__init__(size_average, reduce, reduction)
        self.log_target = log_target

    def forward(self, input, target):
        return F.kl_div(input, target, reduction=self.reduction, log_target=self.log_target)


class HuberLoss(_Loss):
    def __init__(self, reduction='mean', delta=1.0):
        super().__init__(reduction=reduction)
        self.delta = delta

    def forward(self, input, target):
        return F.huber_loss(input, target, reduction=self.reduction, delta=self.delta)


class MarginRankingLoss(_Loss):
    def __init__(self, margin=0., size_average=None, reduce=None, reduction='mean'):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return F.margin_ranking_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class SoftMarginLoss(_Loss):
    def forward(self, input, target):
        return F.soft_margin_loss(input, target, reduction=self.reduction)

# Recurrent layers (torch/nn/modules/rnn.py; the cells of ATen's RNN.cpp): parameters
# weight_ih, weight_hh, bias_ih, bias_hh (per layer: *_l{k}), all uniform(-1/sqrt(hidden),
# 1/sqrt(hidden)) in that order; gates chunked as i|f|g|o (LSTM) and r|z|n (GRU).
def _rnn_cell(x, h, w_ih, w_hh, b_ih, b_hh, nonlinearity):
    pre = F.linear(h, w_hh, b_hh) + F.linear(x, w_ih, b_ih)
    return torch.tanh(pre) if nonlinearity == 'tanh' else torch.relu(pre)


def _lstm_cell(x, h, c, w_ih, w_hh, b_ih, b_hh):
    gates = F.linear(h, w_hh, b_hh) + F.linear(x, w_ih, b_ih)
    i, f, g, o = gates.chunk(4, 1)
    i = i.sigmoid()
    f = f.sigmoid()
    g = g.tanh()
    o = o.sigmoid()
    cy = f * c + i * g
    hy = o * cy.tanh()
    return hy, cy


def _gru_cell(x, h, w_ih, w_hh, b_ih, b_hh):
    gi = F.linear(x, w_ih, b_ih).chunk(3, 1)
    gh = F.linear(h, w_hh, b_hh).chunk(3, 1)
    r = (gh[0] + gi[0]).sigmoid()
    z = (gh[1] + gi[1]).sigmoid()
    n = (gi[2] + gh[2] * r).tanh()
    return (h - n) * z + n


class RNNCellBase(Module):
    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(torch.empty((num_chunks * hidden_size, input_size)))
        self.weight_hh = Parameter(torch.empty((num_chunks * hidden_size, hidden_size)))
        if bias:
            self.bias_ih = Parameter(torch.empty(num_chunks * hidden_size))
            self.bias_hh = Parameter(torch.empty(num_chunks * hidden_size))
        else:
            self.bias_ih = None
            self.bias_hh = None
        self.reset_parameters()

    def extra_repr(self):
        s = '{}, {}'.format(self.input_size, self.hidden_size)
        if self.bias is not True:
            s += ', bias={}'.format(self.bias)
        if getattr(self, 'nonlinearity', 'tanh') != 'tanh':
            s += ', nonlinearity={}'.format(self.nonlinearity)
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, input, hx):
        if input.dim() not in (1, 2):
            raise ValueError('{}: Expected input to be 1D or 2D, got {}D instead'.format(type(self).__name__, input.dim()))
        return input.dim() == 2


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity='tanh', device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        is_batched = self._batched(input, hx)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        ret = _rnn_cell(input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh, self.nonlinearity)
        return ret if is_batched else ret.squeeze(0)


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4)

    def forward(self, input, hx=None):
        is_batched = self._batched(input, hx)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
            hx = (zeros, zeros)
        elif not is_batched:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0))
        ret = _lstm_cell(input, hx[0], hx[1], self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        return ret if is_batched else (ret[0].squeeze(0), ret[1].squeeze(0))


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3)

    def forward(self, input, hx=None):
        is_batched = self._batched(input, hx)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        ret = _gru_cell(input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        return ret if is_batched else ret.squeeze(0)


class _RNNBase(Module):
    # nn.RNN / nn.GRU (and nn.LSTM(bidirectional=True); the native LSTM takes the rest):
    # num_layers stacked, batch_first, dropout between layers, bidirectional (the reverse
    # direction's parameters are *_l{k}_reverse; outputs concatenated [forward, reverse]; h_n
    # ordered l0, l0_reverse, l1, ...)
    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0., bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        if proj_size != 0:
            raise NotImplementedError('{}(proj_size=...) is not supported by tensorlens'.format(type(self).__name__))
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        gate_size = {'LSTM': 4, 'GRU': 3}.get(mode, 1) * hidden_size
        for layer in range(num_layers):
            for suffix in ['', '_reverse'][:num_directions]:
                layer_input_size = input_size if layer == 0 else hidden_size * num_directions
                setattr(self, 'weight_ih_l{}{}'.format(layer, suffix), Parameter(torch.empty((gate_size, layer_input_size))))
                setattr(self, 'weight_hh_l{}{}'.format(layer, suffix), Parameter(torch.empty((gate_size, hidden_size))))
                if bias:
                    setattr(self, 'bias_ih_l{}{}'.format(layer, suffix), Parameter(torch.empty(gate_size)))
                    setattr(self, 'bias_hh_l{}{}'.format(layer, suffix), Parameter(torch.empty(gate_size)))
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def extra_repr(self):
        s = '{}, {}'.format(self.input_size, self.hidden_size)
        if self.num_layers != 1:
            s += ', num_layers={}'.format(self.num_layers)
        if self.bias is not True:
            s += ', bias={}'.format(self.bias)
        if self.batch_first is not False:
            s += ', batch_first={}'.format(self.batch_first)
        if self.dropout != 0:
            s += ', dropout={}'.format(self.dropout)
        if self.bidirectional is not False:
            s += ', bidirectional={}'.format(self.bidirectional)
        return s

    def _step(self, x, state, names):
        w_ih = getattr(self, names[0])
        w_hh = getattr(self, names[1])
        b_ih = getattr(self, names[2]) if self.bias else None
        b_hh = getattr(self, names[3]) if self.bias else None
        if self.mode == 'LSTM':
            return _lstm_cell(x, state[0], state[1], w_ih, w_hh, b_ih, b_hh)
        if self.mode == 'GRU':
            return _gru_cell(x, state, w_ih, w_hh, b_ih, b_hh)
        return _rnn_cell(x, state, w_ih, w_hh, b_ih, b_hh, 'tanh' if self.mode == 'RNN_TANH' else 'relu')

    def forward(self, input, hx=None):
        lstm = self.mode == 'LSTM'
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
            if hx is not None:
                hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1)) if lstm else hx.unsqueeze(1)
        if self.batch_first:
            input = input.transpose(0, 1)
        steps, batch = input.size(0), input.size(1)
        num_directions = 2 if self.bidirectional else 1
        if hx is None:
            zeros = torch.zeros(self.num_layers * num_directions, batch, self.hidden_size, dtype=input.dtype)
            hx = (zeros, zeros) if lstm else zeros
        layer_input = input
        h_n = []
        c_n = []
        for layer in range(self.num_layers):
            dir_outputs = []
            for d in range(num_directions):
                k = layer * num_directions + d
                suffix = '_reverse' if d == 1 else ''
                names = [n.format(layer, suffix) for n in ('weight_ih_l{}{}', 'weight_hh_l{}{}', 'bias_ih_l{}{}', 'bias_hh_l{}{}')]
                state = (hx[0][k], hx[1][k]) if lstm else hx[k]
                outs = [None] * steps
                order = range(steps - 1, -1, -1) if d == 1 else range(steps)
                for t in order:
                    state = self._step(layer_input[t], state, names)
                    outs[t] = state[0] if lstm else state
                dir_outputs.append(torch.stack(outs, 0))
                if lstm:
                    h_n.append(state[0])
                    c_n.append(state[1])
                else:
                    h_n.append(state)
            layer_input = dir_outputs[0] if num_directions == 1 else torch.cat(dir_outputs, 2)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_input = F.dropout(layer_input, self.dropout, True)
        output = layer_input
        if self.batch_first:
            output = output.transpose(0, 1)
        h_n = torch.stack(h_n, 0)
        if lstm:
            c_n = torch.stack(c_n, 0)
        if not is_batched:
            output = output.squeeze(batch_dim)
            h_n = h_n.squeeze(1)
            if lstm:
                c_n = c_n.squeeze(1)
        return output, ((h_n, c_n) if lstm else h_n)


class LSTM(_RNNBase):
    # reached only for nn.LSTM(..., bidirectional=True) (torch_names.cpp); nn.LSTM is native otherwise
    def __init__(self, *args, **kwargs):
        super().__init__('LSTM', *args, **kwargs)


class RNN(_RNNBase):
    def __init__(self, *args, **kwargs):
        nonlinearity = kwargs.pop('nonlinearity', 'tanh')
        if nonlinearity not in ('tanh', 'relu'):
            raise ValueError("Unknown nonlinearity '{}'".format(nonlinearity))
        super().__init__('RNN_TANH' if nonlinearity == 'tanh' else 'RNN_RELU', *args, **kwargs)


class GRU(_RNNBase):
    def __init__(self, *args, **kwargs):
        super().__init__('GRU', *args, **kwargs)
)tlprelude";

}  // namespace

const char* torch_prelude_source(Mod m) {
  switch (m) {
    case Mod::TorchExtras: return kPreludeTorchExtras;
    case Mod::FExtras: return kPreludeFExtras;
    case Mod::NNExtras: return kPreludeNNExtras;
    default: return nullptr;
  }
}

}  // namespace tl::lang::detail
