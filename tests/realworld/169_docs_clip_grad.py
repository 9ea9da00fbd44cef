# source: https://pytorch.org/docs/1.13/generated/torch.nn.utils.clip_grad_norm_.html
# (usage as in pytorch/examples word_language_model: a small model is added, marked)
import torch
import torch.nn as nn

torch.manual_seed(0)  # added
model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))  # added
x = torch.randn(4, 5) * 10  # added
loss = model(x).pow(2).sum()  # added
loss.backward()
total = torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
print(total)
print(sum(p.grad.norm() ** 2 for p in model.parameters()) ** 0.5)
torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.01)
print(model[2].bias.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.utils.parameters_to_vector.html
vec = torch.nn.utils.parameters_to_vector(model.parameters())
print(vec.shape)
torch.nn.utils.vector_to_parameters(torch.zeros_like(vec), model.parameters())
print(model[0].bias)

# https://pytorch.org/docs/1.13/generated/torch.nn.Module.html#torch.nn.Module.zero_grad
model.zero_grad()
print(model[2].weight.grad)
