# lerp for weight >= 0.5 is end - (end - self) * (1 - weight), one fused multiply-add whose
# product has the sign of -(end - self): at weight 1.0 an end of -0.0 stays -0.0.
import torch
a = torch.tensor([1.1, 2.81, -0.3, -0.0, 0.0, -2.5])
b = a.round()
for w in [1.0, 0.75, 0.5, 0.25, 0.0, -1.0, 2.0]:
    print(w, a.lerp(b, w), torch.lerp(a, b, torch.full((6,), w)))
x = torch.tensor([-0.3], dtype=torch.float64, requires_grad=True)
y = x.lerp(torch.tensor([-0.0], dtype=torch.float64), 1.0)
print(y, 1 / y)
