#!/usr/bin/python3
# The PyTorch side of the differential fuzzer: reads scripts from stdin, each ended by a line
# "#%%END" (the input of `tensorlens batch`), runs each in a fresh globals dict in this one
# process (importing torch takes seconds; a script takes milliseconds), and prints one JSON line
# per script in the shape of `tensorlens batch`:
#   {"ok": true, "tensors": {NAME: {shape, dtype, requires_grad, data, grad}}, "leaf": {NAME: bool},
#    "grad_fn": {NAME: "MulBackward0" | null}, "stdout": "..."}
#   {"ok": false, "type": "RuntimeError", "message": "first line of str(e)", "line": N, "stdout": "..."}
# Floats are written as Python's repr (shortest round trip; -0.0 keeps its sign); NaN and
# infinities as the strings "nan", "inf", "-inf" (tests/conformance's convention).
# Run with Debian's /usr/bin/python3 (python3-torch 1.13).
import io
import json
import math
import signal
import sys
import traceback
import warnings
import contextlib

import torch
import torch.nn.functional as F  # noqa: F401 (imported once; scripts import it again)

torch.set_num_threads(1)
warnings.simplefilter("ignore")
FILENAME = "<difffuzz>"
DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool",
          torch.int32: "int32", torch.int16: "int16", torch.int8: "int8", torch.uint8: "uint8"}


class Timeout(Exception):
    pass


class UndefinedResultError(Exception):
    """A call whose PyTorch 1.13 result is uninitialized memory: nothing to compare it with."""


_index_select = torch.index_select


def index_select(input, dim, index, **kw):  # noqa: A002 (PyTorch's parameter name)
    # index_select of a 0-d tensor with an empty index returns a 0-d tensor of uninitialized memory
    # (6.9e-310, 3.4e-44, ...: different on every run); the values it gives flow on into the rest
    # of the program, so the call is refused here instead (after PyTorch's own checks).
    r = _index_select(input, dim, index, **kw)
    if input.dim() == 0 and index.numel() == 0:
        raise UndefinedResultError("index_select of a 0-d tensor with an empty index returns uninitialized memory")
    return r


torch.index_select = index_select
torch.Tensor.index_select = lambda self, dim, index, **kw: index_select(self, dim, index, **kw)


def refuse_expanded_median(fn):
    # median(dim) / nanmedian(dim) only makes the reduced dim contiguous when its stride is > 1
    # (median_with_indices_impl), so a stride-0 (expanded) dim of size > 1 is read as if its stride
    # were 1, past its storage: values and indices are uninitialized memory (2.7e-38, 4.6e-41, ...),
    # different on every run, and they flow on into the rest of the program. Refused after
    # PyTorch's own checks, as index_select above.
    def call(input, *args, **kw):  # noqa: A002
        r = fn(input, *args, **kw)
        dim = args[0] if args else kw.get("dim")
        if isinstance(dim, int) and input.dim() > 0 and input.stride(dim) == 0 and input.size(dim) > 1:
            raise UndefinedResultError(f"{fn.__name__}(dim) of an expanded dim reads past its storage")
        return r
    return call


for _name in ("median", "nanmedian"):
    setattr(torch, _name, refuse_expanded_median(getattr(torch, _name)))
    setattr(torch.Tensor, _name, refuse_expanded_median(getattr(torch.Tensor, _name)))


def on_alarm(signum, frame):
    raise Timeout()


def num(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def flat(t):
    return [num(v) for v in t.detach().reshape(-1).tolist()]


def tensor_json(t):
    d = {"shape": list(t.shape), "dtype": DTYPES.get(t.dtype, str(t.dtype)), "requires_grad": t.requires_grad,
         "data": flat(t)}
    g = t.grad if t.is_leaf or t.retains_grad else None
    d["grad"] = None if g is None else flat(g)
    return d


def run_one(source):
    out = io.StringIO()
    g = {"__name__": "__main__"}
    try:
        code = compile(source, FILENAME, "exec")
        signal.alarm(20)
        try:
            with contextlib.redirect_stdout(out):
                exec(code, g)
        finally:
            signal.alarm(0)
    except Timeout:
        return {"ok": False, "type": "Timeout", "message": "timeout", "line": 0, "stdout": out.getvalue()}
    except BaseException as e:  # noqa: BLE001 (every failure is data)
        line = 0
        if isinstance(e, SyntaxError) and e.filename == FILENAME:
            line = e.lineno or 0
        else:
            for fr in traceback.extract_tb(e.__traceback__):
                if fr.filename == FILENAME:
                    line = fr.lineno
        msg = str(e).split("\n")[0]
        return {"ok": False, "type": type(e).__name__, "message": msg, "line": line, "stdout": out.getvalue()}
    tensors, leaf, grad_fn = {}, {}, {}
    for k, v in g.items():
        if isinstance(v, torch.Tensor) and not k.startswith("__"):
            tensors[k] = tensor_json(v)
            leaf[k] = v.is_leaf
            grad_fn[k] = None if v.grad_fn is None else type(v.grad_fn).__name__
    return {"ok": True, "tensors": tensors, "leaf": leaf, "grad_fn": grad_fn, "stdout": out.getvalue()}


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    lines = []
    for line in sys.stdin:
        if line.rstrip("\n") != "#%%END":
            lines.append(line)
            continue
        src = "".join(lines)
        lines = []
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
        try:
            r = run_one(src)
            s = json.dumps(r, allow_nan=False)
        except Exception as e:  # noqa: BLE001 (e.g. a value JSON cannot hold)
            s = json.dumps({"ok": False, "type": "OracleError", "message": repr(e)[:200], "line": 0, "stdout": ""})
        sys.stdout.write(s + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
