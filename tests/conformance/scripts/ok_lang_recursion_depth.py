# check-stdout
# Deep recursion runs, natively and in wasm (natively to CPython's 1,000 frames: tests/native/test_python_lang.cpp;
# in wasm the JS engine's stack bounds it at ~700 calls).
def f(n):
    return 0 if n == 0 else f(n - 1) + 1
print(f(600))
class Node:
    def __init__(self, child=None):
        self.child = child
    def depth(self):
        return 1 if self.child is None else 1 + self.child.depth()
n = None
for _ in range(500):
    n = Node(n)
print(n.depth())
