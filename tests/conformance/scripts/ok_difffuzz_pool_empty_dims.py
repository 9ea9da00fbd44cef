# check-stdout
# difffuzz (seeds 101-110): max_pool2d/avg_pool2d take an empty batch only for a 4-D input (PyTorch's
# pool2d_shape_check).
import torch
import torch.nn.functional as F
for s in [(0, 4, 3), (4, 0, 3), (0, 4, 3, 3), (2, 0, 3, 3), (1, 4, 0), (2, 3, 3, 0)]:
    try:
        print(s, F.max_pool2d(torch.zeros(*s), [1, 1]).shape)
    except Exception as e:
        print(s, type(e).__name__, e)
    try:
        print(s, F.avg_pool2d(torch.zeros(*s), [1, 1]).shape)
    except Exception as e:
        print(s, type(e).__name__, e)
