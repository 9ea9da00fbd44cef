# libFuzzer (UBSan) found: Python's `-1 << 1` shifted a negative int64 (undefined behaviour in
# C++17). Python ints: -1 << 1 == -2; the result must fit in 64 bits here.
print(-1 << 1, -3 << 4, -(2 ** 62) << 1, 5 << 3, 0 << 70)
try:
    print(-(2 ** 62) << 2)
except Exception as e:
    print(type(e).__name__)
