# float64 exp as PyTorch 1.13 computes it: SLEEF's Sleef_expd4_u10 on every element (vml kernel),
# also inside softmax (inputs where glibc's exp differs in the last bit).
import torch
x = torch.tensor([-3.1824500356388588, -2.599324805737732, -3.8868814209833573, 1.6689683173449317,
                  8.496312502533439, -5.289485350557419, 1.198105767179491, 0.28040941403525876], dtype=torch.float64)
print('exp', torch.exp(x).tolist(), torch.exp(x[:3]).tolist(), x.exp().tolist())
print('exp strided', torch.exp(x.view(2, 4).t()).tolist(), torch.exp(x[::3]).tolist())
print('special', torch.exp(torch.tensor([0.0, -0.0, 709.7, 709.8, -745.0, -746.0, -1000.5, float('inf'), float('-inf'), float('nan')], dtype=torch.float64)).tolist())
y = x.view(2, 4)
print('softmax', torch.softmax(y, -1).tolist(), torch.softmax(y, 0).tolist(), torch.softmax(x.repeat(3).view(3, 8), 1).tolist())
# log likewise (Sleef_logd4_u10)
x = torch.tensor([0.937537337865173, 0.8970092956255094, 0.948252232062749, 1.526908256901639], dtype=torch.float64)
print('log', torch.log(x).tolist(), x.log().tolist(), torch.log(torch.tensor([0.0, -1.0, 1.0, 1e-310, float('inf'), float('nan')], dtype=torch.float64)).tolist())
