# check-stdout
# tanh as PyTorch 1.13 computes it on AVX2: its vml kernel runs every element, the tail of a
# short tensor included, through SLEEF's tanhf (Sleef_tanhf8_u10), which differs from glibc's tanhf
# in the last bit on some inputs; 1 above 8.664339742, the sign kept (-0.0), NaN stays NaN
import torch
torch.manual_seed(0)
x = torch.randn(6, 7) * 3
for i in range(6):
    print(torch.tanh(x[i]).tolist())
print(torch.tanh(torch.tensor([-1.4, 0.06, 1.7, -2.96])).tolist())
print(torch.tanh(x.t()).flatten().tolist()[:20])
y = torch.randn(40) * 0.5
print(torch.tanh(y).tolist())
sp = torch.tensor([0.0, -0.0, 1e-45, -1e-45, 1e-30, 8.66, 8.67, -8.67, 20.0, 1e30, float('inf'), float('-inf'), float('nan'), 3e-39])
print(torch.tanh(sp).tolist())
z = x.clone()
z.tanh_()
print(z[0].tolist(), torch.tanh(x[1:3, ::2]).tolist())
# the rounding seen through a float64 power (difffuzz seed 1301)
v = torch.tensor([[[-1.20, -1.4, 0.37, float('inf')]], [[-1.330, 1.6, 0.74, 0.1]], [[2.84, -1.770, -1.72, 0.040]],
                  [[-0.930, 1.790, 0.77, 2.6]]])
print(torch.tanh(v).double().pow_(5).flatten().tolist())
# float64 likewise: SLEEF's tanh (Sleef_tanhd4_u10, 1 above 18.714973875) on every element
d = torch.randn(5, 9, dtype=torch.float64) * 4
print(torch.tanh(d[0, :5]).tolist(), torch.tanh(d).flatten().tolist()[10:30], torch.tanh(d.t()).flatten().tolist()[:9])
print(torch.tanh(torch.tensor([0.0, -0.0, 5e-324, 1e-300, 18.7, 18.72, -19.0, 710.0, float('inf'), float('-inf'), float('nan')],
                              dtype=torch.float64)).tolist())
# float64 expm1: SLEEF's expm1 (Sleef_expm1d4_u10, the same double-double e^x) on every element
print(torch.expm1(d).flatten().tolist()[:24], torch.expm1(d[1, :3]).tolist())
print(torch.expm1(torch.tensor([0.0, -0.0, 5e-324, 1e-300, -36.7, -36.74, 709.78, 709.79, float('nan')],
                                dtype=torch.float64)).tolist())
