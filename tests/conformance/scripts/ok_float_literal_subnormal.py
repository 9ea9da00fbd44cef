# Float literals below the smallest normal double are subnormals, as Python parses them (1e-310),
# and below the smallest subnormal 0.0 (1e-400); above the largest finite, inf.
import torch
print(1e-310, -2.5e-320, 5e-324, 1e-400, 1e400)
x = torch.tensor([1e-310, -5e-324, 2.2250738585072014e-308], dtype=torch.float64)
print(x.tolist(), (x * 1e300).tolist())
