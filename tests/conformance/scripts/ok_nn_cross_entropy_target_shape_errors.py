# cross_entropy picks class probabilities by the target's shape alone (difffuzz 913#367): any other
# target goes through nll_loss's checks (batch size: ValueError; a floating target: RuntimeError).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
cases = [(torch.randn(3, 1, dtype=torch.float64), torch.ones(4)), (torch.randn(3, 2), torch.tensor([0., 1., 1.])),
         (torch.randn(3, 2), torch.tensor([0., 1.])), (torch.randn(2, 3, 4), torch.ones(2, 4)),
         (torch.randn(3), torch.ones(2)), (torch.randn(3, 2), torch.tensor([0, 1, 1]))]
for x, t in cases:
    try:
        print(F.cross_entropy(x, t))
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0])
