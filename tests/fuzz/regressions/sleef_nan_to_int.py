# libFuzzer/UBSan: the SLEEF ports converted NaN / huge reductions to int with a C++ cast (undefined;
# x86's cvt gives INT_MIN). Each function below reached such a conversion for these inputs.
import torch
x = torch.tensor([float('nan'), -float('nan'), float('inf'), -float('inf'), 1e30, -1e30, 3e38, 0.5])
for f in [torch.erfc, torch.erf, torch.sinh, torch.cosh, torch.exp, torch.expm1, torch.sin, torch.cos, torch.tan,
          torch.log, torch.log1p, torch.log2, torch.log10, torch.asin, torch.acos, torch.atan]:
    print(f(x))
print(torch.exp(x.double()), torch.log(x.double()), torch.softmax(x, 0), torch.nn.functional.gelu(x))
