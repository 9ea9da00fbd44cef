# An empty sequence repeated a huge number of times is empty at once (libFuzzer found
# `() * 40 ** 7` looping 1.6e11 times); a non-empty one past the container limit still fails.
print(() * 40 ** 7, [] * 10**12, "" * 10**15, len([1, 2] * 3), "ab" * 2, (1,) * 0, [3] * -2)
x = []
x *= 10**13
print(x)
