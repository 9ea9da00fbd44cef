import torch
# std()/var() of a whole tensor: PyTorch's std_var_all_cpu sums the squared deviations serially in
# double (memory order), so a huge variance has exactly PyTorch's last bits (cos of it shows them).
v0 = torch.tensor([[[-2.380, -2.030, -0.82, 2.1, 0.5], [-2.8, -1.18, -1.560, 0.2, 2.8], [-1.660, 2.170, -0.73, 2.73, 0.41]], [[0.05, 2.0, 1e-45, -0.770, -1.9], [2.4, 1.44, 0.940, -0.960, 1.750], [-2.6, 1.710, 1.83, -1.66, -2.38]], [[-0.270, 1e30, -0.5, -2.24, -2.0], [-1.2, -1.99, -2.470, 0.29, 2.8], [-2.260, -1.43, -2.3, -0.100, -1.3]]], dtype=torch.float64)
for x in [v0, v0.float(), v0.transpose(0, 2), v0.float().permute(1, 2, 0), v0[:, ::2]]:
    print(x.std().item(), x.var().item(), x.std(unbiased=False).item(), x.std(dim=(0, 1, 2)).item())
    print(round(torch.cos(x.std()).item(), 6))
