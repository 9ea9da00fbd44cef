# nansum's dtype= with a floating input: the float-only kernel refuses an integral dtype, except
# for an empty input, which never reaches it (PyTorch 1.13).
import torch
for x in [torch.zeros(0, 3), torch.ones(2, 3), torch.tensor([1.5, float('nan')]), torch.ones(2, dtype=torch.int64)]:
    for d in [torch.int64, torch.float64, torch.int32, torch.bool, None]:
        try:
            print(torch.nansum(x, dtype=d))
        except RuntimeError as e:
            print("RuntimeError", e)
