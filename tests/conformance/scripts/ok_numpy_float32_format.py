# check-stdout
# float32 arrays (as Tensor.numpy() gives them) and the ways scripts format arrays.
import numpy as np
a = np.array([1, 2, 3], dtype=np.float32, copy=True)
b = np.asarray([[1.5, -2.0]], dtype=np.float32)
print(f"Tensor({a})", f"{b!r}", "{}".format(a), str(a), "%s" % a)
print(a.T, b.T.shape, a.astype(np.float64) * 0.1, b @ b.T, a.itemsize)
g = np.zeros_like(a)
g += np.ones_like(a) * 2
print(g, g.dtype, repr(g))
d = np.array([[0.25, 0.5], [1.0, 2.0]], dtype=np.float32)
print(d / 3, repr(d.sum(axis=0)), d.mean())
x = np.random.randn(3, 4).astype(np.float32)
print(x.dtype, x.shape, np.float32(2.5) * 2)
z = np.array(5.0)
z += 1
print(z, repr(z), z.shape)
print(np.array([[1, 2], [3, 4]]).transpose(), np.sqrt(np.array([2, 3], dtype=np.float32)))
