# check-stdout
# numpy 1.x printing: str and repr, padding, scientific mode, wrapping at 75 columns,
# summarising above 1000 elements, dtype suffixes.
import numpy as np

np.random.seed(3)
a = np.array([1.0, 2.5, 3])
print(a, repr(a))
print(np.array([1.5, 2.25, -3.0]), np.array([100.0, 0.001]), np.array([123456789.0, 1.0]), np.array([0.0, 0.0]))
print(np.array([-0.0]), np.array([1e-5, 1.0]), np.array([1e10, 1]), np.array([1e-8, 1e-3, 5.0]), np.array([1e20, -1e-20]))
print(np.array([0.1, -0.2, np.nan, np.inf]), np.array([np.nan, -np.inf]), np.array([np.nan]))
print(repr(np.array(3.5)), np.array(3.5), repr(np.array([[1.5]], dtype=np.float32)), repr(np.zeros((0, 3))), repr(np.array([], dtype=int)))
print(np.array([1, -20, 300]), repr(np.array([[True, False], [False, True]])), np.array([True, False]))
print(np.random.rand(3, 30))
print(np.arange(100).reshape(4, 25))
print(repr(np.random.rand(2, 12)))
print(repr(np.arange(2000)))
print(np.random.rand(1200))
print(np.arange(2000.0).reshape(40, 50))
print(repr(np.random.randn(3, 3).astype(np.float32)))
print(repr(np.random.randn(2, 2, 3)))
print(np.linspace(-1, 1, 7), repr(np.linspace(0, 10, 4)), np.arange(0.5, 3, 0.5))
x = np.linspace(0, 2 * np.pi, 9)
print(np.sin(x), np.cos(x))
print([np.array([1, 2]), (np.array([0.5]), 3)], np.float64(2.5), np.int64(7), a.dtype, repr(a.dtype), np.float32)
print(np.pi, np.e, np.inf, -np.inf, np.nan)
