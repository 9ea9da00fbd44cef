# check-stdout
# Differential-fuzzer finds: an integer tensor divided by a number converts the number straight
# to the default float type (2^53 + 1 is not first wrapped into int16); scatter skips its shape
# check for an empty index (a 0-d src is fine); masked_fill with a non-bool mask reads no mask
# byte when the result is empty.
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


v0 = torch.tensor(4, dtype=torch.int16)
q0 = v0 / 9007199254740993
q1 = torch.div(torch.tensor([4, 7], dtype=torch.int8), 1000)
q2 = torch.tensor([3, 5]) / 2
q3 = torch.tensor([True, False]) / 4
m0 = torch.maximum(q0, v0)
v1 = torch.tensor([-2.56, -2.9, 1.9, 2.2, 1.84])
s0 = v1.scatter(-1, torch.zeros(0, 5, dtype=torch.int64), torch.tensor(1.0))
attempt("s1", lambda: v1.scatter(0, torch.zeros(3, dtype=torch.int64), torch.tensor(1.0)))
f0 = torch.masked_fill(torch.zeros(4, 0), torch.tensor(0.07), 1.34)
attempt("f1", lambda: torch.masked_fill(torch.zeros(2), torch.tensor(0.07), 1.34))
