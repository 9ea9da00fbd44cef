# sgn's backward of a real tensor is an efficient zero tensor (PyTorch 1.13). mul keeps it a zero,
# but a backward op without a ZeroTensor kernel (gelu_backward, softmax's, softplus_backward,
# log_sigmoid_backward, hardswish_backward, reciprocal's -grad) gets plain zeros: 0 times a
# negative derivative is -0.0 there, 0 times NaN is NaN.
import torch
import torch.nn.functional as F

v1 = torch.tensor([[[0.2, -1.97, 1.23], [2.31, 2.520, -0.0], [-2.7, 1.270, 2.8], [-2.310, -0.32, -1.580]],
                   [[1e-45, -2.0, 1.210], [-2.6, -2.53, 2.8], [-1.220, -0.820, 0.540], [3e38, float('nan'), -0.180]],
                   [[1.7, -2.3, 2.51], [-1e-30, 2.9, -1.83], [2.9, -2.010, -0.100], [0.0, 2.670, -0.140]]],
                  dtype=torch.float64, requires_grad=True)
v4 = F.gelu(v1)
v8 = torch.sgn(v4)
v8.prod().backward(retain_graph=True)
print(v1.grad.flatten().tolist())

fs = [('gelu', F.gelu), ('softplus', F.softplus), ('log_sigmoid', F.logsigmoid), ('hardswish', F.hardswish),
      ('reciprocal', torch.reciprocal), ('softmax', lambda t: F.softmax(t, 0)),
      ('log_softmax', lambda t: F.log_softmax(t, 0)), ('tanh', torch.tanh), ('neg', torch.neg),
      ('mul', lambda t: (t * -2.0).sum() * t)]
for name, f in fs:
    for dt in [torch.float64, torch.float32]:
        x = torch.tensor([-0.5, -1.7, -3.0, 3.0, float('nan'), 0.0, 1e-30], dtype=dt, requires_grad=True)
        torch.sgn(f(x)).sum().backward()
        print(name, dt, x.grad)
