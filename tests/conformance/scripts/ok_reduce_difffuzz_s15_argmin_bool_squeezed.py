# check-stdout
# argmax/argmin(x, dim) fill the result with 0 without the kernel (whose dispatch refuses bool) when
# sizes[dim] is 1; for a 0-d x PyTorch 1.13 reads sizes[0] past the rank: the size left behind when
# x was made 0-d in place (squeeze_() of a (1,) or (1, 1) tensor: 1), 0 for a tensor made 0-d.
import torch
def run(f, t, *args):
    try:
        r = f(t, *args)
        return (r.tolist(), tuple(r.shape))
    except RuntimeError as e:
        return 'RuntimeError'
v1 = torch.tensor([False])
v2 = v1.squeeze_()
v3 = torch.tensor([[True]]).squeeze_()
v4 = torch.tensor([[True, False]])[0][1:].squeeze_()
v5 = torch.tensor([False]).squeeze()
v6 = torch.tensor(True)
v7 = torch.tensor([True, False, True])
v8 = torch.tensor([[True, False]])
for t in [v1, v3, v4, v5, v6, v7, v8]:
    for f in [torch.argmin, torch.argmax]:
        print(tuple(t.shape), run(f, t, 0), run(f, t, -1, True), run(f, t))
v9 = torch.argmin(v1, 0, False)
v10 = torch.argmax(v3, -1)
v11 = torch.tensor([2.5]).squeeze_()
print(torch.argmin(v11, 0).tolist(), torch.argmax(v11).tolist())
