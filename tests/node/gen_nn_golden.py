# Golden losses for tests/node/nn.test.mjs: the same training scripts in PyTorch 1.13 (Debian's
# python3-torch). Regenerate with:  /usr/bin/python3 tests/node/gen_nn_golden.py
# Data are deterministic formulas (no RNG); parameters come from torch.manual_seed, which
# tensorlens reproduces (same generator, same initialisation order).
import json
import os

import torch
import torch.nn as nn

torch.set_num_threads(1)


def data():
    # X (32, 4): smooth features; y: 3 classes; t (32, 1): a regression target
    i = torch.arange(32, dtype=torch.float32)
    X = torch.stack([torch.sin(i * 0.3), torch.cos(i * 0.7), (i / 31) * 2 - 1, torch.sin(i * 1.1) * 0.5], 1)
    y = (i.long() * 7 + 3) % 3
    t = (X[:, 0] * X[:, 1] - 0.5 * X[:, 2]).unsqueeze(1)
    return X, y, t


def run_classifier():
    torch.manual_seed(0)
    X, y, _ = data()
    model = nn.Sequential(nn.Linear(4, 16), nn.LayerNorm(16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))
    opt = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.05)
    sched = torch.optim.lr_scheduler.StepLR(opt, 10, gamma=0.5)
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    for _ in range(40):
        opt.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        acc = (model(X).argmax(1) == y).float().mean().item()
    return {"losses": losses, "accuracy": acc, "lr": opt.param_groups[0]["lr"]}


def run_regression():
    torch.manual_seed(1)
    X, _, t = data()
    model = nn.Sequential(nn.Linear(4, 8), nn.Sigmoid(), nn.Linear(8, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(40):
        opt.zero_grad()
        loss = loss_fn(model(X), t)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return {"losses": losses, "weight0": model[0].weight.detach().flatten().tolist()}


def run_adam_embedding():
    torch.manual_seed(2)
    idx = torch.tensor([0, 3, 1, 4, 2, 4, 0, 1])
    target = torch.tensor([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    emb = nn.Embedding(5, 6)
    head = nn.Linear(6, 1)
    opt = torch.optim.Adam(list(emb.parameters()) + list(head.parameters()), lr=0.05, betas=(0.8, 0.99))
    loss_fn = nn.BCEWithLogitsLoss()
    losses = []
    for _ in range(30):
        opt.zero_grad()
        loss = loss_fn(head(emb(idx)).squeeze(1), target)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return {"losses": losses}


out = {
    "torch": torch.__version__,
    "classifier": run_classifier(),
    "regression": run_regression(),
    "embedding": run_adam_embedding(),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goldens", "nn_training.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", path)
