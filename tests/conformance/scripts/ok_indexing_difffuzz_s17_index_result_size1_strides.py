import torch
# An advanced-indexing result is allocated by TensorIterator with contiguous strides along its
# order, a size-1 dim's too, so x[None, :] = x (same memory, same strides) passes copy's overlap check.
v1 = torch.tensor([[2.1, -2.6, 0.180]], dtype=torch.float32, requires_grad=True)
v3 = v1[None, v1 > 0]
print(v3.shape, v3.stride(), v3.is_contiguous())
v3[None, :] = v3
print(v3)
a = torch.arange(24.).reshape(2, 3, 4)
i1, i0, i2 = torch.tensor([1]), torch.tensor([[0]]), torch.tensor([2])
for f in [lambda: a[None, 0, a[0] > 5], lambda: a[:, i1, None], lambda: a[i0, :, i2], lambda: a[0:1, torch.tensor([0, 2])],
          lambda: a[None, i1, :, 0:1], lambda: a[a > 22]]:
    r = f()
    print(r.shape, r.stride())
    for k in range(2):
        try:
            if k == 0: r[None] = r
            else: r[None, ...] = r
            print(k, r.sum())
        except RuntimeError as e:
            print(k, str(e)[:60])
