# std/var reducing to one element take PyTorch's std_var_all_cpu: the mean in float32 (which can
# overflow to inf), then the squared deviations summed in double. Other reductions (Welford in
# double) stay finite.
import torch
x = torch.tensor([3e38, 0.5, 3e38])
print(x.std(), x.var(), x.std(0), x.reshape(1, 3).std(1), x.reshape(1, 3, 1).std((0, 1)))
y = torch.stack([x, x])
print(y.std(1), y.std(), y.var(1, unbiased=False))
print(torch.tensor([1e38, 1e38, 1e38, 1e38, -3e38]).std())
print(torch.tensor([1.0, 2.0, 4.0]).std(), torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64).var())
