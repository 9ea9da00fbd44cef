# A float -> uint8 conversion goes through int64 in PyTorch 1.13 (gcc's code for an unsigned
# target), int8 / int16 through int32: float64 values beyond 2^31 keep their low byte as uint8.
import torch
x = torch.tensor([4042214823590999.0, 2147483653.0, -2147483651.0, 4294967303.0, 1e19, -1e19,
                  300.7, -1.5, float('inf'), float('nan')], dtype=torch.float64)
print(x.byte().tolist(), x.to(torch.uint8).tolist(), x.char().tolist(), x.short().tolist(), x.int().tolist())
f = x.float()
print(f.byte().tolist(), f.char().tolist())
torch.manual_seed(129)
r = torch.tensor(0.0, dtype=torch.float64).random_()
print(r.item(), r.byte().item(), r.byte().prod().item())
u8, i8, i16, f_u8 = x.byte(), x.char(), x.short(), f.byte()
