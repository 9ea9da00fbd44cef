# check-stdout
# Generator functions run lazily: endless generators, side effects interleaved with the consumer,
# break/continue/else/yield from/return inside, errors raised when consumed; x = yield falls back.
def count(start=0):
    n = start
    while True:
        yield n
        n += 1
def g2(xs):
    for x in xs:
        if x % 2:
            continue
        if x > 8:
            break
        print("producing", x)
        yield x * 10
    else:
        yield -1
    yield from [7, 8]
    return
    yield 99
for i in count(3):
    if i > 5: break
    print(i)
print(list(g2(range(5))))
it = g2(range(20))
print(next(it), next(it))
for v in it: print("v", v)
print(next(it, "done"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def bad():
    yield 1
    raise ValueError("boom")
try:
    for x in bad(): print(x)
except ValueError as e:
    print("caught", e)
def inner():
    x = yield 5
    print(x)
print(list(inner()))
print(sum(x for x in count() if x < 0) if False else 0)
z = zip(count(), "abc")
print(list(z))
