# check-stdout
# dicts and sets past their hash index's threshold: numeric keys 1 == 1.0 == True, deletions then
# lookups, instances by identity and by __eq__/__hash__, tuple keys, set algebra.
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
    def __hash__(self):
        return hash(self.v)
class P:
    pass
d = {}
for i in range(50):
    d[i] = i
d[1.0] = "float one"
d[True] = "true"
print(len(d), d[1], d[2.0])
for i in range(0, 50, 2):
    del d[i]
print(len(d), 3 in d, 4 in d, d.get(5), d.get(6, "gone"))
d.pop(7)
d[100] = "x"
print(7 in d, d[100], list(d)[-3:])
s = set(range(20))
s.remove(3)
s.discard(4)
s.add(3)
print(len(s), 3 in s, 4 in s, 19 in s, 20 in s)
ps = [P() for _ in range(30)]
seen = set(ps[:20])
print(sum(p in seen for p in ps), ps[25] in seen)
ks = {K(i) for i in range(20)}
print(len(ks), K(5) in ks, K(50) in ks)
t = {(i, str(i)): i for i in range(20)}
print(t[(3, "3")], (3, "4") in t, len({-0.0, 0, 0.0, False}))
words = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    words[w] = words.get(w, 0) + 1
print(words)
print(set(range(10)) == set(range(9, -1, -1)), {1, 2} | set(range(10, 20)) == set([1, 2] + list(range(10, 20))))
d2 = dict(d)
d2.clear()
d2.update({i: i for i in range(12)})
print(d2.popitem(), 11 in d2, 10 in d2, len(d2))
