# check-stdout
# addcmul's int value next to an integer result type is used exactly (int64 arithmetic wrapping
# mod 2**64), not through a double: 2**53 + 1 and 2**62 + 1 are not doubles.
import torch
v1 = torch.tensor([6, 3, 0, -7, 5], dtype=torch.int64)
v2 = torch.tensor([6, 3, 0, 11, -2], dtype=torch.int64)
for val in [9007199254740993, -9007199254740993, 2 ** 62 + 1, 3, True]:
    print(torch.addcmul(v1, v1, v2, value=val).tolist(), v1.clone().addcmul_(v1, v2, value=val).tolist())
print(torch.addcmul(torch.tensor([1, 2], dtype=torch.int32), torch.tensor([3, 4], dtype=torch.int32),
                    torch.tensor([5, 6], dtype=torch.int32), value=2 ** 31 - 1).tolist())
print(torch.addcmul(torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6]), value=2.7).tolist())
print(torch.tensor([1, 2]).addcmul_(torch.tensor([3, 4]), torch.tensor([5, 6]), value=-9223372036854775807).tolist())
print(torch.tensor([1, 2]).addcmul_(torch.tensor([True, False]), torch.tensor([True, True]), value=9007199254740993).tolist())
print(torch.addcmul(torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([3, 4], dtype=torch.uint8),
                    torch.tensor([5, 6], dtype=torch.uint8), value=255).tolist())
v9 = torch.addcmul(v1, v1, v1, value=9007199254740993)
