# check-stdout
# Comprehension variables live in the comprehension's own scope (Python 3).
i = 'outer'
squares = [i * i for i in range(4)]
print(squares, i)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
d = {k: v for k, v in zip('abc', range(3))}
print(d)
def f():
    x = 10
    ys = [x + j for j in range(3)]
    fs = [lambda: j for j in range(3)]
    return ys, [g() for g in fs], x
print(f())
total = sum(n for n in range(5))
print(total)
s = {c for c in 'hello'}
print(sorted(s))
