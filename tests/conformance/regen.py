#!/usr/bin/python3
"""Regenerate the conformance goldens by running every script under real PyTorch.

    /usr/bin/python3 tests/conformance/regen.py [SUBSTRING ...]

For each tests/conformance/scripts/*.py (optionally only those whose name contains one of the
given substrings) this runs the script under PyTorch (Debian's python3-torch, 1.13) and writes
tests/conformance/goldens/NAME.json:

  passing: {"ok": true, "check_stdout": bool, "stdout": "...",
            "tensors": {NAME: {"shape", "dtype", "requires_grad", "data", "grad"}}}
  failing: {"ok": false, "error_type": "RuntimeError", "message": "first line", "line": N}

Each script runs in its own forked child (torch is imported once in the parent) with
RLIMIT_AS = 4 GiB, so huge allocations raise RuntimeError instead of swapping, and a 60 s
alarm. Exit status 1 if a script's outcome contradicts its ok_/err_ prefix, if an err_ script
fails on a line other than the one it marks, or if a tensor has a dtype outside the subset.
Output is deterministic: running this twice yields byte-identical files.
"""
import json
import math
import os
import re
import signal
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")
GOLDENS = os.path.join(HERE, "goldens")
MEM_LIMIT = 4 << 30  # bytes of address space per script
TIMEOUT_S = 60
DTYPES = {"torch.float32": "float32", "torch.float64": "float64",
          "torch.int64": "int64", "torch.bool": "bool", "torch.int32": "int32",
          "torch.int16": "int16", "torch.int8": "int8", "torch.uint8": "uint8"}

import warnings  # noqa: E402

warnings.simplefilter("ignore")
import torch  # noqa: E402

torch.set_num_threads(1)


def encode_number(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    return v


def encode_tensor(t):
    dtype = DTYPES.get(str(t.dtype))
    if dtype is None:
        raise TypeError("tensor dtype %s is outside the tensorlens subset" % t.dtype)
    flat = lambda x: [encode_number(v) for v in x.detach().reshape(-1).tolist()]
    g = t.grad
    return {"shape": list(t.shape), "dtype": dtype, "requires_grad": bool(t.requires_grad),
            "data": flat(t), "grad": None if g is None else flat(g)}


def run_script(path):
    """Runs one script in this (child) process; returns the golden as a dict."""
    import builtins
    import io

    with open(path, encoding="utf-8") as f:
        source = f.read()
    out = io.StringIO()
    try:
        code = compile(source, path, "exec")
    except SyntaxError as e:
        return {"ok": False, "error_type": type(e).__name__,
                "message": (e.msg or "").splitlines()[0] if e.msg else "", "line": e.lineno}
    env = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    saved = sys.stdout
    sys.stdout = out
    try:
        exec(code, env)
    except BaseException as e:  # noqa: BLE001 - every error of the script is data
        sys.stdout = saved
        frames = [fr for fr in traceback.extract_tb(e.__traceback__) if fr.filename == path]
        lines = str(e).splitlines()
        return {"ok": False, "error_type": type(e).__name__,
                "message": lines[0] if lines else "",
                "line": frames[-1].lineno if frames else None}
    finally:
        sys.stdout = saved
    tensors = {}
    for name, value in env.items():
        if name.startswith("__") or not isinstance(value, torch.Tensor):
            continue
        tensors[name] = encode_tensor(value)
    # "# check-stdout-native": exact stdout natively only; the wasm build's libm (musl) rounds some
    # float64 functions of ATen's scalar code (tanh, log1p, exp) differently from glibc's
    check = "native" if "# check-stdout-native" in source else "# check-stdout" in source
    return {"ok": True, "check_stdout": check,
            "stdout": out.getvalue(), "tensors": tensors}


def run_isolated(path):
    """Forks a child with a memory limit and a timeout; returns the golden dict."""
    import resource

    fd, tmp = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        pid = os.fork()
        if pid == 0:  # child
            code = 0
            try:
                resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
                signal.alarm(TIMEOUT_S)  # default SIGALRM action kills the child
                result = run_script(path)
                with open(tmp, "w") as f:
                    json.dump(result, f, allow_nan=False)
            except BaseException as e:  # noqa: BLE001 - a harness problem, not a script error
                try:
                    with open(tmp, "w") as f:
                        json.dump({"harness_error": "%s: %s" % (type(e).__name__, e)}, f)
                except BaseException:  # noqa: BLE001
                    code = 3
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            return {"harness_error": "killed by signal %d (timeout %d s?)"
                    % (os.WTERMSIG(status), TIMEOUT_S)}
        if os.WEXITSTATUS(status) != 0:
            return {"harness_error": "harness child exited with %d" % os.WEXITSTATUS(status)}
        with open(tmp) as f:
            return json.load(f)
    finally:
        os.unlink(tmp)


def expected_error_line(source):
    """The line marked `# expect-error` (or named by `# expect-error-line: N`), else None."""
    m = re.search(r"#\s*expect-error-line:\s*(\d+)", source)
    if m:
        return int(m.group(1))
    for i, line in enumerate(source.splitlines(), 1):
        if re.search(r"#\s*expect-error\s*$", line):
            return i
    return None


def dumps(golden):
    """Stable, diff-friendly JSON: one line per tensor."""
    if not golden["ok"]:
        return json.dumps(golden, sort_keys=True, indent=1, allow_nan=False) + "\n"
    head = {k: v for k, v in golden.items() if k != "tensors"}
    lines = ["{"]
    for k in sorted(head):
        lines.append(" %s: %s," % (json.dumps(k), json.dumps(head[k], allow_nan=False)))
    names = sorted(golden["tensors"])
    if not names:
        lines.append(' "tensors": {}')
    else:
        lines.append(' "tensors": {')
        for i, name in enumerate(names):
            lines.append("  %s: %s%s" % (json.dumps(name), json.dumps(
                golden["tensors"][name], sort_keys=True, allow_nan=False),
                "," if i + 1 < len(names) else ""))
        lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    filters = argv[1:]
    names = sorted(n for n in os.listdir(SCRIPTS) if n.endswith(".py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    if not torch.__version__.startswith("1.13"):
        print("WARNING: goldens are meant to come from PyTorch 1.13 (Debian python3-torch); "
              "this is torch %s" % torch.__version__)
    os.makedirs(GOLDENS, exist_ok=True)
    problems = []
    counts = {"ok": 0, "err": 0}
    for name in names:
        path = os.path.join(SCRIPTS, name)
        stem = name[:-3]
        if not (stem.startswith("ok_") or stem.startswith("err_")):
            problems.append("%s: name must start with ok_ or err_" % name)
            continue
        golden = run_isolated(path)
        if "harness_error" in golden:
            problems.append("%s: %s" % (name, golden["harness_error"]))
            continue
        want_ok = stem.startswith("ok_")
        if golden["ok"] != want_ok:
            detail = ("" if golden["ok"] else " (%s at line %s: %s)" % (
                golden["error_type"], golden["line"], golden["message"]))
            problems.append("%s: expected to %s under PyTorch but it %s%s" % (
                name, "pass" if want_ok else "fail", "passed" if golden["ok"] else "failed",
                detail))
            continue
        if not golden["ok"]:
            with open(path, encoding="utf-8") as f:
                marked = expected_error_line(f.read())
            if golden["line"] is None:
                problems.append("%s: error has no line in the script" % name)
                continue
            if marked is None:
                problems.append("%s: no `# expect-error` marker (PyTorch failed at line %d)"
                                % (name, golden["line"]))
                continue
            if marked != golden["line"]:
                problems.append("%s: marked line %d but PyTorch failed at line %d (%s: %s)" % (
                    name, marked, golden["line"], golden["error_type"], golden["message"]))
                continue
        counts["ok" if golden["ok"] else "err"] += 1
        with open(os.path.join(GOLDENS, stem + ".json"), "w", encoding="utf-8") as f:
            f.write(dumps(golden))
    if not filters:  # drop goldens whose script is gone
        stems = {n[:-3] for n in names}
        for g in sorted(os.listdir(GOLDENS)):
            if g.endswith(".json") and g[:-5] not in stems:
                os.unlink(os.path.join(GOLDENS, g))
                print("removed stale golden %s" % g)
    for p in problems:
        print("PROBLEM " + p)
    print("torch %s: wrote %d passing and %d failing goldens, %d problems"
          % (torch.__version__, counts["ok"], counts["err"], len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
