# check-stdout
# Linear regression by gradient descent in numpy, as tutorials write it, next to torch.
import numpy as np
import torch

np.random.seed(42)
X = 2 * np.random.rand(100, 1)
y = 4 + 3 * X + np.random.randn(100, 1)
X_b = np.hstack([np.ones((100, 1)), X])
theta = np.random.randn(2, 1)
eta = 0.1
for iteration in range(200):
    gradients = 2 / 100 * X_b.T.dot(X_b.dot(theta) - y)
    theta = theta - eta * gradients
    if iteration % 50 == 0:
        mse = np.mean((X_b @ theta - y) ** 2)
        print(iteration, round(mse, 6), theta.ravel())
print("theta:", theta.T)
w, b = 0.0, 0.0
x1 = X.flatten()
y1 = y.flatten()
for epoch in range(100):
    pred = w * x1 + b
    err = pred - y1
    w -= 0.05 * 2 * np.mean(err * x1)
    b -= 0.05 * 2 * np.mean(err)
print("w, b:", round(w, 5), round(b, 5))
tx = torch.tensor(X_b)
ty = torch.tensor(y)
tw = torch.zeros(2, 1, dtype=torch.float64, requires_grad=True)
for i in range(200):
    loss = ((tx @ tw - ty) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        tw -= 0.1 * tw.grad
        tw.grad.zero_()
print("torch:", tw.detach().numpy().T)
