xs = [q * 2 for q in range(3)]
print(xs)
print(q)  # expect-error
