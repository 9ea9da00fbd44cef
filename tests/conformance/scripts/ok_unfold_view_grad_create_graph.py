# Tensor.unfold's gradient under create_graph is PyTorch's unfold_backward node
# (UnfoldBackwardBackward0), empty inputs too; its own gradient gathers g back by window.
import torch
for shp, args in [((1, 0), (1, 0, 3)), ((2, 5), (1, 2, 1)), ((4,), (0, 3, 2))]:
    x = torch.arange(float(torch.zeros(shp).numel()), dtype=torch.float64).reshape(shp).requires_grad_()
    v3 = x.unfold(*args)
    g = torch.autograd.grad((v3 * v3).sum(), [x], create_graph=True)[0]
    print(g.grad_fn.name(), g)
    print(torch.autograd.grad(g.sum(), [x])[0])
