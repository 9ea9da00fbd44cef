# source: https://pytorch.org/docs/1.13/generated/torch.nn.KLDivLoss.html
# (doc example: each loss value is printed)
import torch
from torch import nn
import torch.nn.functional as F

kl_loss = nn.KLDivLoss(reduction="batchmean")
# input should be a distribution in the log space
input = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
# Sample a batch of distributions. Usually this would come from the dataset
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, target)
print(output)

kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, log_target)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.HuberLoss.html
loss = nn.HuberLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output, input.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.MarginRankingLoss.html
loss = nn.MarginRankingLoss()
input1 = torch.randn(3, requires_grad=True)
input2 = torch.randn(3, requires_grad=True)
target = torch.randn(3).sign()
output = loss(input1, input2, target)
output.backward()
print(output, input1.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.CosineSimilarity.html
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
output = cos(input1, input2)
print(output[:5])

# https://pytorch.org/docs/1.13/generated/torch.nn.PairwiseDistance.html
pdist = nn.PairwiseDistance(p=2)
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
output = pdist(input1, input2)
print(output[:5])

# https://pytorch.org/docs/1.13/generated/torch.nn.MultiLabelSoftMarginLoss.html
loss = nn.SoftMarginLoss()
input = torch.randn(3, requires_grad=True)
target = torch.tensor([1., -1., 1.])
print(loss(input, target))
