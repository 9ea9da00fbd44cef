# check-stdout
# linspace reproduces PyTorch's bits (its vectorised kernel: fused first lane, k * step after it).
import torch, math
for dt in (torch.float32, torch.float64):
  for (a,b,n) in [(-math.pi,math.pi,2000),(0,1,10),(0,2*math.pi,25),(-3,7,33),(0.1,0.9,17),(-1,1,100),(0,1,1001),(5,-5,47),(1,1,5),(0,1,2),(0,1,1),(-2.5,3.25,15),(0,1e-3,16),(3,4,64)]:
    print(torch.linspace(a,b,n,dtype=dt).tolist())
x = torch.linspace(-math.pi, math.pi, 2000)
print(x.sum().item(), (x * x).mean().item(), x[990:1010].tolist())
