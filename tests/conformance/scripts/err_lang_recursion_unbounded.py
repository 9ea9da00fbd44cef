# Unbounded recursion is a RecursionError (never a native or JS stack overflow), natively and in wasm.
def f(n):
    return f(n + 1) + 1  # expect-error
f(0)
