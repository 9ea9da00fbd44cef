# check-stdout
# f-strings as the tutorials write them: format specs, conversions, self-documenting fields,
# nested fields in specs, 0-d tensors formatted as Python numbers.
import torch
x = torch.ones(5)
w = torch.tensor([[0.5, -1.0, 2.0]] * 5, requires_grad=True)
z = torch.matmul(x, w)
loss = z.sum()
print(f"loss: {loss:>7f}  [{3:>5d}/{60000:>5d}]")
print(f"Accuracy: {(100*0.8765):>0.1f}%, Avg loss: {loss:>8f} \n")
a = 3
name = "bob"
print(f"{a=} {name!r} {name!s} {a + 1} {{literal}} {name:>{a+2}}|{name:^9}|{name:*<6}")
print(f"{loss}", f"{loss.item():.3f}", f"{z[0]:.2e}")
print(f'{"nested"}' f"{a:03d}" "plain" f"{'q'}")
print(f"{[1, 2][0]} {'x' if a > 2 else 'y'} {a * 2.5:g} {a / 7:.4%}")
print(f"{3.14159:.2f} {1e-5:e} {0.5:%} {12345:,} {1234567.891:,.2f} {-1234:_} {7:+d}")
print(f"{z.detach()}")
width = 10
precision = 4
print(f"result: {12.34567:{width}.{precision}}|")
print(f"""triple {a}
{name}""")
