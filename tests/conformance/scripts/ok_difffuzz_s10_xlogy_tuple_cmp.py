# xlogy with a Python number: the number enters the float computation as it is (not as the uint8
# tensor's type); tuples compare their identical elements as equal without calling __eq__.
import torch
u = torch.tensor([2, 4], dtype=torch.uint8)
print(torch.xlogy(-4, u), torch.xlogy(4611686018427387904, u), torch.xlogy(u, -4), torch.xlogy(True, u))
print(torch.xlogy(3, torch.tensor([2.0], dtype=torch.float64)))
t = (torch.zeros(0, 3), torch.zeros(0, 3))
print(t < t, t <= t, t > t)
