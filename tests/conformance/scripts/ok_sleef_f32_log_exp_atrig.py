# float32 log, exp, asin, acos, atan, tan as PyTorch 1.13's vml kernels compute them: SLEEF's u10
# functions on every element (inputs where they differ from the correctly rounded result).
import torch
x = torch.tensor([1.394100308418274, 39.70407485961914, 4.723533630371094, 21.962108612060547, 22.096933364868164, 6.470931053161621])
print('log', torch.log(x).tolist(), torch.log(x[:3]).tolist())
x = torch.tensor([-13.466951370239258, -12.647268295288086, 7.479799270629883, -17.66616439819336, -3.1995656490325928, -16.366436004638672])
print('exp', torch.exp(x).tolist(), torch.exp(x[:3]).tolist())
x = torch.tensor([0.11999397724866867, 0.749376118183136, 0.06839291751384735, 0.49366259574890137, -0.7565940618515015, -0.10708316415548325])
print('asin', torch.asin(x).tolist(), torch.asin(x[:3]).tolist())
x = torch.tensor([0.5003616213798523, 0.953945517539978, -0.42750734090805054, 0.7716187834739685, -0.8322863578796387, -0.7764124870300293])
print('acos', torch.acos(x).tolist(), torch.acos(x[:3]).tolist())
x = torch.tensor([-0.8173381090164185, 0.2282480150461197, -1.2141742706298828, 0.9882926940917969, -0.3498496413230896, 3.510397434234619])
print('atan', torch.atan(x).tolist(), torch.atan(x[:3]).tolist())
x = torch.tensor([2.655125379562378, -7.540552616119385, 5.704219341278076, 6.997312545776367, -0.9172859787940979, -2.7628896236419678])
print('tan', torch.tan(x).tolist(), torch.tan(x[:3]).tolist())
# tan's large-argument path (|x| >= 125) is taken by the whole 8-element group
x = torch.tensor([0.7, 1.3, -2.2, 300.0, 0.4, 5.5, 2.0, 1.1, 0.7, 1.3])
print('tan', torch.tan(x).tolist())
