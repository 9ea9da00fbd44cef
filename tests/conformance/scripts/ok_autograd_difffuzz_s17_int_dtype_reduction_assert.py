import torch
# PyTorch 1.13: sum/prod/cumsum/cumprod with an integral or bool dtype= of an input that requires
# grad fail set_history's isDifferentiableType assert after computing, so the script never gets the
# result and a later backward does not reach the other leaves (difffuzz 1439#4047)
v1 = torch.zeros(2, 3, dtype=torch.float64, requires_grad=True)
e = torch.zeros(0, 2, dtype=torch.float64, requires_grad=True)
for name, f in [("sum", lambda: torch.sum(v1, dtype=torch.int64)), ("sumdim", lambda: torch.sum(v1, 0, dtype=torch.int64)),
                ("sum_bool", lambda: v1.sum(dtype=torch.bool)), ("sum_f32", lambda: v1.sum(dtype=torch.float32)),
                ("sum_baddim", lambda: torch.sum(v1, 5, dtype=torch.int64)),
                ("prod", lambda: torch.prod(v1, dtype=torch.int64)), ("proddim", lambda: v1.prod(1, dtype=torch.int32)),
                ("prod_empty", lambda: torch.prod(e, dtype=torch.int64)),
                ("cumsum", lambda: torch.cumsum(v1, 0, dtype=torch.int64)), ("cumprod", lambda: torch.cumprod(v1, 0, dtype=torch.int64)),
                ("cumprod_f", lambda: torch.cumprod(v1, 0, dtype=torch.float32)), ("to", lambda: v1.to(torch.int64))]:
    try:
        r = f()
        print(name, r.dtype, r.requires_grad, type(r.grad_fn).__name__)
    except Exception as ex:
        print(name, type(ex).__name__, str(ex)[:60])
with torch.no_grad():
    print(torch.sum(v1, dtype=torch.int64), torch.cumsum(v1, 1, dtype=torch.int16).dtype)
print(torch.sum(v1.detach(), dtype=torch.int64), torch.prod(v1.detach() + 1, 0, dtype=torch.int64))
v0 = torch.tensor(2.2, requires_grad=True)
v3 = torch.true_divide(v0, False)
try:
    v6 = torch.prod(e, dtype=torch.int64)
    v7 = v3 - v6
    v7.mean().backward()
except RuntimeError as ex:
    print("RuntimeError", str(ex)[:40])
print(v0.grad)
