# float32 log2, log10, log1p, expm1, erf as PyTorch 1.13's vml kernels compute them: SLEEF's u10
# functions on every element (inputs where they differ from the double function rounded once),
# printed in float64 so that the last bit shows.
import torch
for name, v in [('log2', [0.3201882839202881, 7.0091094970703125, 6.531202793121338, 6.666929721832275, 15.242958068847656, 1.5233242511749268]),
                ('log10', [2.2474074363708496, 2.3345491886138916, 0.6817443370819092, 1.1435388326644897, 2.7522623538970947, 5.913135528564453]),
                ('log1p', [1.2582237720489502, 0.39762502908706665, 1.4275599718093872, 0.1814272701740265, 0.37350475788116455, 0.17796926200389862]),
                ('expm1', [-0.3868112862110138, -0.16132491827011108, 5.080465793609619, -0.21043315529823303, 0.3799046277999878, 5.114343643188477]),
                ('erf', [0.7783307433128357, 0.6673792600631714, -0.33395302295684814, -1.241744875907898, -0.15164320170879364, 0.6158472299575806])]:
    x = torch.tensor(v)
    f = getattr(torch, name)
    print(name, f(x).double().tolist(), f(x[:1]).double().tolist(), f(x[1]).double().item())
# special values
x = torch.tensor([0.0, -0.0, 1.0, -1.0, -2.0, float('inf'), -float('inf'), float('nan'), 1e-45, -1e-45, 1e-40, 2e38, 88.8, -17.0, 3.9, 4.1])
for name in ['log2', 'log10', 'log1p', 'expm1', 'erf']:
    print(name, getattr(torch, name)(x).double().tolist())
# integer and bool inputs are computed in float32 too
print(torch.tensor([True, False] * 9).cosh().double().tolist(), torch.tensor([1, 2, 3] * 6).sinh().double().tolist())
print(torch.tensor([1, 2, 7]).log2().double().tolist(), torch.tensor([[True], [False]]).erf().double().tolist())
