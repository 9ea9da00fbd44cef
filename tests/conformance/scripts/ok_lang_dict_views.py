# check-stdout
# dict / OrderedDict views print as CPython's, and Module.state_dict() is an OrderedDict.
import torch
from torch import nn
d = {'a': 1, 'b': 2}
print(d.keys())
print(d.values())
print(d.items())
print(list(d.keys()), len(d.values()))
m = nn.Linear(3, 2)
sd = m.state_dict()
print(sd.keys())
print(list(sd.values())[1].shape)
print([k for k, v in sd.items()])
