# check-stdout
# Python the tutorials use: classes, inheritance, super(), dunders, properties, static and class
# methods, exceptions, lambda, closures with nonlocal, decorators, comprehensions, generators.
import torch

class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def __init__(self, name, tricks=None):
        super().__init__(name)
        self.tricks = tricks or []
    def speak(self):
        return super().speak() + " (woof)"
    @property
    def ntricks(self):
        return len(self.tricks)
    @staticmethod
    def kind():
        return "canine"
    @classmethod
    def make(cls, name):
        return cls(name, ["sit"])

d = Dog.make("rex")
print(d, d.speak(), d.ntricks, Dog.kind(), Animal.count, isinstance(d, Animal), issubclass(Dog, Animal))
print(hasattr(d, "tricks"), getattr(d, "missing", 42))
setattr(d, "age", 3)
print(d.age, vars(d))

class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.xs, o.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __eq__(self, o):
        return isinstance(o, Vec) and self.xs == o.xs
    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.xs) + ")"

v = Vec(1, 2, 3)
print(v + v, 2 * v, v * 3, len(v), v[1], list(v), v == Vec(1, 2, 3), v != Vec(1, 2, 3))

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
c(); c(); print(c(5))

def log_calls(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

@log_calls
def add(a, b=2, *, scale=1):
    return (a + b) * scale
print(add(1), add(1, 3, scale=10))

def gen(n):
    for i in range(n):
        if i % 2 == 0:
            yield i * i
print(list(gen(7)), sum(x for x in range(5)), {k: v for k, v in zip("ab", [1, 2])}, sorted({3, 1, 2}))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), max([3, 7, 5], key=lambda x: -x), list(map(lambda x: x * 2, [1, 2])))
print([x * y for x in range(3) for y in range(3) if x != y])
first, *rest = [1, 2, 3, 4]
print(first, rest)

try:
    torch.ones(2, 3) + torch.ones(4)
except RuntimeError as e:
    print("RuntimeError caught")
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError", repr(e))
class MyErr(ValueError):
    pass
def risky(x):
    if x < 0:
        raise MyErr(f"negative: {x}")
    return x
for x in [1, -1]:
    try:
        r = risky(x)
    except ValueError as e:
        print(type(e).__name__, e, repr(e))
    else:
        print("ok", r)
    finally:
        print("done", x)
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
x = 5
del x
print("x" in dir() if False else "deleted")
if __name__ == "__main__":
    print("main")
