# An error example: shapes that cannot be multiplied.
# The playground shows the message and marks the line and column.
import torch

a = torch.ones(2, 3, requires_grad=True)
b = torch.ones(2, 3)
c = a.mm(b)
c.sum().backward()
