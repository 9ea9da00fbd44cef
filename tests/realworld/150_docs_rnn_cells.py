# source: https://pytorch.org/docs/1.13/generated/torch.nn.LSTMCell.html
# (doc example: the collected outputs are printed)
import torch
from torch import nn

rnn = nn.LSTMCell(10, 20)  # (input_size, hidden_size)
input = torch.randn(2, 3, 10)  # (time_steps, batch, input_size)
hx = torch.randn(3, 20)  # (batch, hidden_size)
cx = torch.randn(3, 20)
output = []
for i in range(input.size()[0]):
    hx, cx = rnn(input[i], (hx, cx))
    output.append(hx)
output = torch.stack(output, dim=0)
print(output.shape)
print(output[1, :, :4])

# https://pytorch.org/docs/1.13/generated/torch.nn.GRUCell.html
rnn = nn.GRUCell(10, 20)
input = torch.randn(6, 3, 10)
hx = torch.randn(3, 20)
output = []
for i in range(6):
    hx = rnn(input[i], hx)
    output.append(hx)
print(len(output), output[-1][:, :4])

# https://pytorch.org/docs/1.13/generated/torch.nn.RNNCell.html
rnn = nn.RNNCell(10, 20)
input = torch.randn(6, 3, 10)
hx = torch.randn(3, 20)
output = []
for i in range(6):
    hx = rnn(input[i], hx)
    output.append(hx)
print(len(output), output[-1][:, :4])
print(rnn)
