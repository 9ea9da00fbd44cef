# check-stdout
# nn.RNN / nn.GRU / nn.RNNCell / nn.LSTMCell / nn.GRUCell (script-language prelude): PyTorch's
# parameter names, init order, gate formulas, reprs, unbatched inputs and gradients (values
# printed as tensor reprs: the linear layers' float32 sums may differ from BLAS in the last bit).
import torch
import torch.nn as nn
torch.manual_seed(0)
for m in [nn.RNN(3, 4), nn.RNN(3, 4, num_layers=2, nonlinearity='relu', batch_first=True), nn.GRU(3, 4, 2, dropout=0.0),
          nn.RNNCell(3, 4), nn.RNNCell(3, 4, nonlinearity='relu', bias=False), nn.LSTMCell(3, 4), nn.GRUCell(3, 4)]:
    print(m, [n for n, _ in m.named_parameters()])
rnn = nn.GRU(3, 4, 2)
x = torch.randn(5, 2, 3)
h0 = torch.randn(2, 2, 4)
out, hn = rnn(x, h0)
print(out.shape, hn.shape)
print(out[-1], hn[0])
out.sum().backward()
print(rnn.weight_hh_l1.grad.sum(), rnn.bias_ih_l0.grad)
rnn = nn.RNN(3, 4, batch_first=True)
out, hn = rnn(torch.randn(2, 5, 3))
print(out.shape, hn.shape, hn)
out, hn = rnn(torch.randn(5, 3))
print(out.shape, hn.shape)
cell = nn.LSTMCell(3, 4)
h, c = cell(torch.randn(2, 3))
print(h, c)
h, c = cell(torch.randn(3), (torch.randn(4), torch.randn(4)))
print(h.shape, c.shape)
cell = nn.GRUCell(3, 4)
print(cell(torch.randn(2, 3), torch.randn(2, 4)))
cell = nn.RNNCell(3, 4)
print(cell(torch.randn(2, 3)))
# nn.LSTM / nn.GRU(bidirectional=True): *_reverse parameters, [forward, reverse] outputs
lstm = nn.LSTM(3, 2, num_layers=2, bidirectional=True)
print(lstm, [n for n, _ in lstm.named_parameters()])
out, (hn, cn) = lstm(torch.randn(4, 2, 3))
print(out.shape, hn.shape, cn.shape)
print(out[0], hn[3], cn[2])
gru = nn.GRU(3, 2, bidirectional=True, batch_first=True)
out, hn = gru(torch.randn(2, 4, 3))
print(out.shape, hn.shape, out[1, -1])
