# check-stdout
# torch.nn.utils: clip_grad_norm_ (2-norm, inf-norm, single tensor, no grads), clip_grad_value_,
# parameters_to_vector / vector_to_parameters.
import math
import torch
from torch import nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters
torch.manual_seed(10)
model = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3))
x = torch.randn(6, 4)
model(x).pow(2).sum().backward()
total = torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
print(total)
g0 = model[0].weight.grad.clone()
model.zero_grad()
model(x).pow(2).sum().backward()
total_inf = nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.1, norm_type=math.inf)
print(total_inf)
g_inf = model[2].weight.grad.clone()
model.zero_grad()
model(x).pow(2).sum().backward()
total_1 = nn.utils.clip_grad_norm_(model[0].weight, 100.0, norm_type=1)
print(total_1)
g1 = model[0].weight.grad.clone()
nn.utils.clip_grad_value_(model.parameters(), 0.05)
gv = model[2].bias.grad.clone()
print(nn.utils.clip_grad_norm_([nn.Parameter(torch.ones(2))], 1.0))
vec = parameters_to_vector(model.parameters())
print(vec.shape)
vector_to_parameters(torch.arange(vec.numel(), dtype=torch.float32), model.parameters())
print(model[2].bias)
