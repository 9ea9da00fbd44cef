# check-stdout
# The random module gives CPython's exact numbers for a seed.
import random
for s in [0, 1, 42, 1337, 2**40 + 7]:
    random.seed(s)
    print(s, random.random(), random.uniform(-1, 1), random.randint(1, 100), random.randrange(10), random.randrange(3, 50, 4))
    xs = list(range(10)); random.shuffle(xs); print(xs)
    print(random.choice(['a', 'b', 'c']), random.gauss(0, 1), random.gauss(1, 2), random.normalvariate(0, 1))
    print(random.sample(range(100), 5), random.choices([1, 2, 3], k=4), random.choices('abc', weights=[1, 5, 2], k=3), random.getrandbits(40))
