# scatter / scatter_add argument checks in PyTorch 1.13's order and words (scatter_gather_dtype_check,
# scatter_shape_check: src.size(d) of a src with fewer dims raises IndexError).
import torch
I = torch.tensor
cases = [
    ("dtype", lambda f: f(torch.zeros(2, 3), 0, I([[0]]), torch.zeros(2, 3, dtype=torch.float64))),
    ("idx dtype", lambda f: f(torch.zeros(2, 3), 0, I([[0]], dtype=torch.int32), torch.zeros(2, 3))),
    ("ndim self", lambda f: f(torch.zeros(2, 3), 0, I([0]), torch.zeros(2, 3))),
    ("src 1d", lambda f: f(torch.zeros(2, 3), 0, I([[0]]), torch.zeros(3))),
    ("src 0d", lambda f: f(torch.zeros(2, 3), 0, I([[0]]), torch.tensor(1.))),
    ("src 3d", lambda f: f(torch.zeros(2, 3), 0, I([[0]]), torch.zeros(2, 3, 4))),
    ("idx > self", lambda f: f(torch.zeros(2, 3), 0, I([[0, 0, 0, 0]]), torch.zeros(5, 5))),
    ("idx > src", lambda f: f(torch.zeros(2, 3), 0, I([[0, 0]]), torch.zeros(1, 1))),
    ("idx > src 1d", lambda f: f(torch.zeros(2, 3), 0, I([[0, 0, 0, 0]]), torch.zeros(2))),
    ("empty idx", lambda f: f(torch.zeros(2, 3), 0, I([], dtype=torch.int64).reshape(0, 1), torch.zeros(2))),
    ("oob", lambda f: f(torch.zeros(2, 3), 0, I([[5]]), torch.zeros(2, 3))),
]
for name, c in cases:
    for fn in ["scatter", "scatter_add"]:
        try:
            c(getattr(torch, fn)); print(name, fn, "ok")
        except Exception as e:
            print(name, fn, type(e).__name__, e)
w1 = torch.tensor([[0], [-4], [-1]])
for f in [lambda: w1.scatter(-1, w1, torch.tensor([6, -4, -3])), lambda: torch.scatter_add(torch.tensor([[-0.3]]), -2, torch.tensor([[5]]), torch.tensor([1.65, 2.6])),
          lambda: torch.scatter_add(torch.tensor([[-0.3]]), -2, torch.tensor([[0]]), torch.tensor([1.65, 2.6])),
          lambda: w1.scatter(1, w1, torch.tensor([6, -4, -3])), lambda: w1.scatter(0, w1, torch.tensor([6, -4, -3])), lambda: w1.scatter(0, torch.tensor([0]), torch.tensor([[6]]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for idx in [torch.tensor([0]), torch.tensor([[0, 0, 0, 0]]), torch.tensor([[0]], dtype=torch.int32)]:
    try:
        print(torch.zeros(2, 3).scatter(0, idx, 1.5))
    except RuntimeError as e:
        print("RuntimeError:", e)
