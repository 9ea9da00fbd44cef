# check-stdout
# difffuzz (seeds 2-4): layer_norm's kernel dispatches on the input's dtype ("LayerNormKernelImpl"
# not implemented for 'Long' / 'Bool') and then needs weight and bias of that same dtype.
import torch
import torch.nn.functional as F


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


f64 = torch.float64
t(lambda: F.layer_norm(torch.ones(2, 3, dtype=torch.int64), (3,)))
t(lambda: F.layer_norm(torch.ones(2, 3, dtype=torch.bool), (3,)))
t(lambda: F.layer_norm(torch.ones(2, 3), (3,), torch.ones(3, dtype=f64)))
t(lambda: F.layer_norm(torch.ones(2, 3, dtype=f64), (3,), torch.ones(3)))
t(lambda: F.layer_norm(torch.ones(2, 3), (3,), torch.ones(3), torch.ones(3, dtype=f64)))
t(lambda: F.layer_norm(torch.ones(2, 3), (3,), None, torch.ones(3, dtype=f64)))
t(lambda: F.layer_norm(torch.arange(6.).reshape(2, 3), (3,), torch.ones(3) * 2, torch.ones(3)))
t(lambda: F.layer_norm(torch.ones(2, 3, dtype=torch.int64), (3,), torch.ones(3, dtype=f64)))
