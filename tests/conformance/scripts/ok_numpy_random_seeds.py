# check-stdout
# numpy's legacy RandomState for seeds 0-9: every np.random function of the subset.
import numpy as np

for s in range(10):
    np.random.seed(s)
    print(s, repr(np.random.rand(3)), repr(np.random.randn(3)), np.random.randint(0, 100, 4), np.random.randint(5))
    print(np.random.randint(-3, 2 ** 40, 2), repr(np.random.uniform(-2, 3, size=(2,))), repr(np.random.normal(1.5, 0.3, 3)))
    print(np.random.permutation(7), np.random.choice(5, 3), np.random.choice([10, 20, 30], size=4, p=[0.2, 0.5, 0.3]))
    print(np.random.choice(6, 3, replace=False), np.random.random(), np.random.randn(), np.random.rand())
    x = np.arange(8)
    np.random.shuffle(x)
    items = [1, 2, 3, 4, 5]
    np.random.shuffle(items)
    print(x, items, np.random.random_sample((2,)), np.random.standard_normal(2), np.random.uniform(), np.random.normal())
    m = np.arange(12).reshape(4, 3)
    np.random.shuffle(m)
    print(m)
    print(np.random.permutation(np.array([[1, 2], [3, 4], [5, 6]])))
    print(np.random.randn(2, 3, 2))
