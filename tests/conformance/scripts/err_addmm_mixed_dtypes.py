# addmm checks its operands' dtypes first, even when the product is empty.
import torch
v1 = torch.zeros(1, 0)
print(torch.addmm(torch.zeros(1, 1), torch.zeros(1, 0), torch.zeros(0, 1)))
v1.addmm(torch.tensor([[6]]), v1)  # expect-error
