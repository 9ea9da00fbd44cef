# check-stdout
# Indexing and slicing (views share memory), assignment, iteration, tolist / item.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(a[0], a[1, 2], a[-1], a[:, 1], a[1:, ::2], a[..., -1], a[None, 0].shape, a[a > 5], a[[0, 2]], a[np.array([2, 0])])
row = a[1]
row[0] = 100
print(a)
a[2] = 7
a[:, 3] = np.array([-1, -2, -3])
a[0, :2] = [40, 41]
print(a)
a[a < 0] = 0
print(a)
f = np.zeros((2, 3))
f[0] = 1.5
f[1, 1] += 2
f[:, 2] = np.array([9.0, 8.0])
print(f, f.tolist(), f[1, 1].item() if False else f.item(4), a.tolist())
for r in np.arange(6).reshape(3, 2):
    print(r, r.sum())
print(len(a), list(np.array([1, 2])), float(np.array([2.5])), int(np.array(3)), a.shape, a.ndim, a.size, a.dtype)
c = a.copy()
c[0, 0] = -5
print(a[0, 0], c[0, 0], isinstance(a, np.ndarray), 5 in a, 999 in a)
g = np.zeros(5)
g[[1, 3]] = 2.0
print(g)
