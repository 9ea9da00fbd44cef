# PyTorch 1.13's var_backward returns inf * g (0-d) when N == correction: a 1-element input with
# dims gets "Function VarBackward0 returned an invalid gradient".
import torch
x = torch.tensor([0.05], requires_grad=True)
y = x.var()
y.backward()  # expect-error
