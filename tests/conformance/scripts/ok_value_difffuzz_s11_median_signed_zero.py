# Differential-fuzzer find: median() of all elements is std::nth_element over PyTorch's clone (in
# memory order), which decides between -0.0 and +0.0; median(dim) breaks ties by index.  # check-stdout
import torch
for n in [2, 3, 4, 5, 6]:
    for k in range(2 ** n):
        c = [(-0.0 if (k >> i) & 1 else 0.0) for i in range(n)]
        t = torch.tensor(c)
        v, i = torch.median(t, 0)
        print(n, k, str(t.median().item()), str(v.item()), i.item())
m = torch.tensor([[0.0, -0.0, 0.0], [-0.0, 0.0, -0.0]])
print(str(m.median().item()), str(m.t().median().item()), str(m.t().contiguous().median().item()))
print(torch.tensor([1.0, float('nan'), 2.0]).median().item(), torch.tensor([3, 1, 2]).median().item())
