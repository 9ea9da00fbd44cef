# libFuzzer (UBSan) found: numpy matmul with an empty inner dimension ((4,0) @ (0,8)) formed a
# pointer into an empty operand (null + offset). The result is zeros, as numpy's.
import numpy as np

a = np.zeros((4, 0))
b = np.ones((0, 8))
print(a @ b)
print((np.ones((2, 4, 0), dtype=np.float32) @ np.ones((0, 3), dtype=np.float32)).shape)
print(np.ones((3, 0), dtype=int) @ np.ones((0, 2), dtype=int))
