import torch
import torch.nn as nn
torch.manual_seed(3)
u = torch.zeros(4, 5).uniform_(-2.0, 3.0)
n = torch.zeros(20).normal_(1.0, 0.5)
n_small = torch.zeros(6).normal_()
b = torch.zeros(30).bernoulli_(0.3)
probs = torch.linspace(0.0, 1.0, 12)
bp = torch.bernoulli(probs)
