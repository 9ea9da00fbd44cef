# check-stdout
# Sums reproduce PyTorch's bits (its cascade summation order and float accumulator, see
# engine/kernels/cascade_sum.h): full and partial reductions, float32/float64, transposed and
# strided inputs, printed exactly through tolist() (a double accumulator differs in the last bit).
import torch
torch.manual_seed(0)
x = (torch.randn([40, 2]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(0, r.reshape(-1).tolist()[:50])
x = (torch.randn([17]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(1, r.reshape(-1).tolist()[:50])
x = (torch.randn([8, 100, 1, 40]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(0,1)
r = x.sum((0, 2, 3))
print(2, r.reshape(-1).tolist()[:50])
x = (torch.randn([17, 33, 5, 9]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(3,1)
r = x.sum((0, 1, 3))
print(3, r.reshape(-1).tolist()[:50])
x = (torch.randn([100]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(4, r.reshape(-1).tolist()[:50])
x = (torch.randn([8, 40, 17]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(5, r.reshape(-1).tolist()[:50])
x = (torch.randn([2, 17, 64]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(6, r.reshape(-1).tolist()[:50])
x = (torch.randn([8]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(7, r.reshape(-1).tolist()[:50])
x = (torch.randn([33, 33]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(8, r.reshape(-1).tolist()[:50])
x = (torch.randn([3, 33, 40]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum((1,))
print(9, r.reshape(-1).tolist()[:50])
x = (torch.randn([17]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(10, r.reshape(-1).tolist()[:50])
x = (torch.randn([16, 9, 1]) * 10).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((2,))
print(11, r.reshape(-1).tolist()[:50])
x = (torch.randn([2, 33]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(12, r.reshape(-1).tolist()[:50])
x = (torch.randn([17]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum()
print(13, r.reshape(-1).tolist()[:50])
x = (torch.randn([8, 2, 3]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum((1, 2))
print(14, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 9, 17, 17]) * 10).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(15, r.reshape(-1).tolist()[:50])
x = (torch.randn([40, 16]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(0,1)
r = x.sum()
print(16, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 3, 64, 3]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(17, r.reshape(-1).tolist()[:50])
x = (torch.randn([5, 1]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(18, r.reshape(-1).tolist()[:50])
x = (torch.randn([40, 8, 3, 1]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2, 3))
print(19, r.reshape(-1).tolist()[:50])
x = (torch.randn([9, 2]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(20, r.reshape(-1).tolist()[:50])
x = (torch.randn([2, 64, 16, 8]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 3))
print(21, r.reshape(-1).tolist()[:50])
x = (torch.randn([9, 40]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(22, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 2, 64, 33]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(1,3)
r = x.sum((0, 1, 2, 3))
print(23, r.reshape(-1).tolist()[:50])
x = (torch.randn([8]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(24, r.reshape(-1).tolist()[:50])
x = (torch.randn([9]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(25, r.reshape(-1).tolist()[:50])
x = (torch.randn([9, 2]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(26, r.reshape(-1).tolist()[:50])
x = (torch.randn([9, 8, 40]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum()
print(27, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 40, 64]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(28, r.reshape(-1).tolist()[:50])
x = (torch.randn([5, 40]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(0,1)
x = x[..., ::2]
r = x.sum()
print(29, r.reshape(-1).tolist()[:50])
x = (torch.randn([16, 33, 8, 2]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(2,0)
x = x[..., ::2]
r = x.sum((1, 2))
print(30, r.reshape(-1).tolist()[:50])
x = (torch.randn([9, 16, 2, 2]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum((3,))
print(31, r.reshape(-1).tolist()[:50])
x = (torch.randn([8, 3, 33]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(1,0)
r = x.sum()
print(32, r.reshape(-1).tolist()[:50])
x = (torch.randn([2, 2, 40, 64]) * 10).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(1,3)
r = x.sum((0, 1, 2, 3))
print(33, r.reshape(-1).tolist()[:50])
x = (torch.randn([5]) * 1).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(34, r.reshape(-1).tolist()[:50])
x = (torch.randn([1]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(35, r.reshape(-1).tolist()[:50])
x = (torch.randn([33]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(36, r.reshape(-1).tolist()[:50])
x = (torch.randn([3, 9]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(37, r.reshape(-1).tolist()[:50])
x = (torch.randn([3, 33]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(38, r.reshape(-1).tolist()[:50])
x = (torch.randn([16, 33, 3]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(39, r.reshape(-1).tolist()[:50])
x = (torch.randn([16, 33, 8, 2]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum((0, 1, 2))
print(40, r.reshape(-1).tolist()[:50])
x = (torch.randn([1]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
x = x[..., ::2]
r = x.sum((0,))
print(41, r.reshape(-1).tolist()[:50])
x = (torch.randn([40, 1, 3, 40]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(2,3)
r = x.sum((0, 1, 3))
print(42, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 3, 3, 100]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((2,))
print(43, r.reshape(-1).tolist()[:50])
x = (torch.randn([100, 8, 33]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(44, r.reshape(-1).tolist()[:50])
x = (torch.randn([40]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(45, r.reshape(-1).tolist()[:50])
x = (torch.randn([64, 3, 100, 2]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(46, r.reshape(-1).tolist()[:50])
x = (torch.randn([100, 2, 3]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(47, r.reshape(-1).tolist()[:50])
x = (torch.randn([17, 3, 40]) * 1).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(2,1)
r = x.sum((0, 1))
print(48, r.reshape(-1).tolist()[:50])
x = (torch.randn([100, 33, 1, 5]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
x = x.transpose(1,3)
r = x.sum((1, 2))
print(49, r.reshape(-1).tolist()[:50])
x = (torch.randn([8, 8]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum()
print(50, r.reshape(-1).tolist()[:50])
x = (torch.randn([17, 16, 2]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(51, r.reshape(-1).tolist()[:50])
x = (torch.randn([2]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum()
print(52, r.reshape(-1).tolist()[:50])
x = (torch.randn([33]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(53, r.reshape(-1).tolist()[:50])
x = (torch.randn([2]) * 1000).to(torch.float64)  # float32 draws: the same bits everywhere
r = x.sum((0,))
print(54, r.reshape(-1).tolist()[:50])
x = (torch.randn([2, 64, 16, 16]) * 1000).to(torch.float32)  # float32 draws: the same bits everywhere
x = x.transpose(2,3)
r = x.sum((0, 1, 2, 3))
print(55, r.reshape(-1).tolist()[:50])
x = (torch.randn([17, 40]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1))
print(56, r.reshape(-1).tolist()[:50])
x = (torch.randn([40, 40, 3]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 2))
print(57, r.reshape(-1).tolist()[:50])
x = (torch.randn([1, 64, 2, 64]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(58, r.reshape(-1).tolist()[:50])
x = (torch.randn([17, 3, 17]) * 10).to(torch.float32)  # float32 draws: the same bits everywhere
r = x.sum((0, 1, 2))
print(59, r.reshape(-1).tolist()[:50])
