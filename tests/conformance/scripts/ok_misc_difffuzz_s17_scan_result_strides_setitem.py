import torch
v2 = torch.tensor([[2.2, -1.300]], dtype=torch.float32, requires_grad=True)
v3 = v2.cumsum(-2)
v3[None] = v3
print(v3)
v3.sum().backward()
print(v2.grad)

x = torch.tensor([[2.2, -1.3]])
y = torch.arange(6.).reshape(2, 1, 3)
for t in [x, y]:
    for d in range(-t.dim(), t.dim()):
        print(d, t.cumsum(d).stride(), t.sort(d)[1].stride(), t.argsort(d).stride(),
              t.topk(1, d)[1].stride(), t.kthvalue(1, d, keepdim=True)[1].stride())
c = torch.tensor([[3, 1]]).cumsum(0)
c[None] = c
print(c, c.stride())
i = torch.tensor([[0.5, -0.5]]).argsort(0)
i[None, ...] = i
print(i)
