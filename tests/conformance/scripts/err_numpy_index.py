import numpy as np
a = np.arange(3)
print(a[3])  # expect-error
