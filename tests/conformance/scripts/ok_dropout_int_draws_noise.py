# F.dropout of an integer or bool tensor: PyTorch draws the Bernoulli mask (using up random
# numbers) and then fails at noise.div_(1 - p) with "result type Float can't be cast ...".
import torch
import torch.nn.functional as F
torch.manual_seed(771)
v0 = torch.tensor([1, 3, -1], dtype=torch.int64)
try:
    v3 = F.dropout(v0)
except Exception as e:
    print(type(e).__name__, e)
print(torch.rand(()))
torch.manual_seed(771)
print(torch.rand(()))
for dt in [torch.bool, torch.uint8, torch.int32]:
    torch.manual_seed(5)
    v = torch.ones(5, dtype=dt)
    try:
        F.dropout(v, 0.3)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        F.dropout(v, 0.3, inplace=True)
    except Exception as e:
        print(type(e).__name__, e)
    print(v, torch.rand(2))
