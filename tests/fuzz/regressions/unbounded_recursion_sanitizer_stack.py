# Fuzzer find: unbounded recursion overflowed the 8 MiB stack of the sanitizer build (frames several
# times larger than in Release) before the level bound; the interpreter now also bounds the machine stack.
def f(n):
    return f(n + 1) + 1
f(0)
