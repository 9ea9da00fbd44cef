# check-stdout
# numpy's dtypes: float64 default, int64 for integer lists, promotion with Python scalars
# (value-based: an int array with a Python int stays int64, / always gives floats).
import numpy as np

i = np.array([1, 2, 3])
f = np.array([1.0, 2.0, 3.0])
b = np.array([True, False, True])
h = np.array([1.5, 2.5], dtype=np.float32)
for v in [i + 1, i * 2.0, i / 2, i // 2, i % 2, i ** 2, f + 1, b + 1, b + 1.5, b * True, h * 2.0, h + i[:2], h * np.array(2.0), i - f, b & b, i | 4]:
    print(v.dtype, repr(v))
print(i.dtype, f.dtype, b.dtype, h.dtype, np.zeros(2).dtype, np.arange(3).dtype, np.arange(3.0).dtype, np.full(2, 7).dtype)
print(repr(np.array([1, 2.5])), repr(np.array([True, 2])), repr(np.array([[1], [2]], dtype=float)), repr(f.astype(int)), repr(i.astype(np.float32)))
print(repr(np.array([-7, 7]) // 2), repr(np.array([-7, 7]) % 3), repr(np.array([-7.5, 7.5]) // 2), repr(np.array([-7.5, 7.5]) % 2))
print(repr(1 / np.array([0.0, 1.0, -2.0])), repr(np.array([1, 0]) // np.array([0, 0])), repr(2 ** np.array([0, 1, 10])))
print(repr(np.sum(b)), repr(b.mean()), repr(i.mean()), repr(i.std()), repr(np.prod(i)), repr(np.cumsum(i)), repr(i.max()), repr(f.argmax()))
print(repr(-i), repr(~b), repr(abs(np.array([-1.5, 2]))), repr(np.abs(np.array([-3, 4]))), repr(np.sign(np.array([-2.0, 0.0, 3.0]))))
x = np.zeros(3)
x += 1
x *= np.array([1.0, 2.0, 3.0])
x -= 0.5
x /= 2
print(repr(x))
k = np.arange(4)
k += 2
k *= 3
print(repr(k))
