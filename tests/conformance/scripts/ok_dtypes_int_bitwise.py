# check-stdout
# Bitwise ops on integer and bool tensors: functions, methods, operators (with Python ints and
# bools on either side), in-place forms, shifts with PyTorch 1.13's wraparound.
import torch
b = torch.tensor([1, 5, 11])
c = torch.tensor([2, 7, 10])
print(torch.bitwise_xor(b, c), torch.bitwise_and(b, c), torch.bitwise_or(b, c), torch.bitwise_not(b))
print(b ^ c, b & c, b | c, ~b, b.bitwise_xor(c), b.bitwise_and(3), b.bitwise_or(True), b.bitwise_not())
print(3 & b, 8 | b, 1 ^ b, 1 << b, 256 >> b, b << 2, b >> 1, torch.bitwise_left_shift(b, c), torch.bitwise_right_shift(c, 1))
m = torch.tensor([True, False, True])
n = torch.tensor([True, True, False])
print(m & n, m | n, m ^ n, ~m, m ^ True, m & 1, m | 0, torch.bitwise_xor(m, n))
u = torch.tensor([0, 15, 200, 255], dtype=torch.uint8)
i8 = torch.tensor([-128, -1, 1, 127], dtype=torch.int8)
print(~u, ~i8, u & i8, u | i8, u ^ 255, i8 << 1, i8 >> 1, u << 1, u >> 4, i8 >> 9, i8 << 9)
i32 = torch.tensor([1, 2, 3], dtype=torch.int32)
print(i32 & torch.tensor([3, 3, 3]), i32 << torch.tensor([1, 2, 3], dtype=torch.int16), torch.tensor([1, 2]) << 70)
x = torch.tensor([12, 10, 6], dtype=torch.int16)
x &= 6
print(x)
x |= torch.tensor([1, 0, 1])
print(x)
x ^= 3
x <<= 2
print(x)
x >>= 1
print(x)
y = torch.tensor([5, 9], dtype=torch.int8)
y.bitwise_and_(12)
print(y)
y.bitwise_or_(torch.tensor([1, 2], dtype=torch.int8))
y.bitwise_xor_(1)
print(y, y.bitwise_not_(), y)
mm = torch.tensor([True, False])
mm |= torch.tensor([False, False])
mm &= True
print(mm)
