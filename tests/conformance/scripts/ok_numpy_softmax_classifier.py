# check-stdout
# A softmax classifier step as cs231n-style numpy code: advanced indexing probs[range(n), y], reversed slices, batching.
import numpy as np
np.random.seed(0)
data = np.random.randn(10, 3)
labels = (data[:, 0] > 0).astype(int)
print(labels, labels.sum(), labels.mean())
W = np.random.randn(3, 2) * 0.01
scores = data @ W
exp = np.exp(scores - np.max(scores, axis=1, keepdims=True))
probs = exp / np.sum(exp, axis=1, keepdims=True)
print(probs[:3])
n = data.shape[0]
logp = -np.log(probs[range(n), labels])
print(logp.mean(), np.mean(logp))
print(f"loss {logp.mean():.4f}", "%.3f" % probs[0, 0], "{:.2f}".format(probs.max()))
pred = np.argmax(probs, axis=1)
print((pred == labels).mean(), np.sum(pred == labels))
dscores = probs.copy()
dscores[range(n), labels] -= 1
dscores /= n
print(dscores[:2])
idx = np.random.permutation(n)
Xs = data[idx]
for i in range(0, n, 4):
    batch = Xs[i:i + 4]
    print(i, batch.shape)
print(np.linalg.norm(data[0]), data.reshape(-1, 1).shape, data[:, np.newaxis, 0].shape, data[0, np.newaxis].shape)
print(np.mean(np.abs(data - 1)), np.zeros_like(data).shape, np.ones_like(labels))
x = np.arange(6)
x[x > 2] = -1
print(x, x[::-1], x[-2:])
a = np.array([[1, 2], [3, 4]])
print(a * a, a.dot(a), a.T @ a, np.mean(a, axis=0), a.max(), a.min(axis=1), a.sum() / a.size)
print(np.array([0.1, 0.2]).sum(), 0.1 + 0.2, np.float64(0.1) + np.float64(0.2))
h = [np.float64(1.5), np.int64(3)]
print(h, sum(np.array([1.5, 2.5])), max(np.array([3, 1, 2])), sorted(np.array([3, 1, 2])))
t = np.tanh(np.array([[0.5, -0.5]]))
print(1 - t ** 2, (1 - t ** 2).shape, t[0, 0])
print(np.random.randn(3).round(3), np.round(np.random.rand(2), 2), np.around(3.14159, 2))
