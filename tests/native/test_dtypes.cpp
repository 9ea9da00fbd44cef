// The integer dtypes (int32/int16/int8/uint8 beside int64/bool/float32/float64): PyTorch 1.13's
// promotion table, wraparound, conversions, bitwise ops and their errors.
#include <catch2/catch.hpp>

#include "engine/tensorlens.h"

using namespace tl;
using Catch::Matchers::Equals;

namespace {
// The order of the rows and columns of kTable below.
const DType kOrder[] = {DType::Bool, DType::UInt8, DType::Int8, DType::Int16,
                        DType::Int32, DType::Int64, DType::Float32, DType::Float64};
// torch.promote_types(row, col) under PyTorch 1.13 (printed by (torch.ones(2, dtype=a) +
// torch.ones(2, dtype=b)).dtype for every pair).
const char* const kTable[8][8] = {
    {"bool", "uint8", "int8", "int16", "int32", "int64", "float32", "float64"},
    {"uint8", "uint8", "int16", "int16", "int32", "int64", "float32", "float64"},
    {"int8", "int16", "int8", "int16", "int32", "int64", "float32", "float64"},
    {"int16", "int16", "int16", "int16", "int32", "int64", "float32", "float64"},
    {"int32", "int32", "int32", "int32", "int32", "int64", "float32", "float64"},
    {"int64", "int64", "int64", "int64", "int64", "int64", "float32", "float64"},
    {"float32", "float32", "float32", "float32", "float32", "float32", "float32", "float64"},
    {"float64", "float64", "float64", "float64", "float64", "float64", "float64", "float64"},
};
Tensor vec(std::vector<double> v, DType d) { return Tensor::from_data(v, Shape{int64_t(v.size())}, d); }
}  // namespace

TEST_CASE("promote follows PyTorch's table for every pair of dtypes", "[dtypes]") {
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) {
      INFO(dtype_name(kOrder[i]) << " + " << dtype_name(kOrder[j]));
      CHECK(std::string(dtype_name(promote(kOrder[i], kOrder[j]))) == kTable[i][j]);
      if (kOrder[i] == DType::Bool && kOrder[j] == DType::Bool) continue;  // bool + bool: add is logical or
      // The ops see the same: a dimensioned tensor of each.
      Tensor r = add(ones(Shape{2}, kOrder[i]), ones(Shape{2}, kOrder[j]));
      CHECK(std::string(dtype_name(r.dtype())) == kTable[i][j]);
    }
}

TEST_CASE("dtype sizes, names and kernel names", "[dtypes]") {
  CHECK(dtype_size(DType::Int32) == 4);
  CHECK(dtype_size(DType::Int16) == 2);
  CHECK(dtype_size(DType::Int8) == 1);
  CHECK(dtype_size(DType::UInt8) == 1);
  CHECK(std::string(dtype_kernel_name(DType::UInt8)) == "Byte");
  CHECK(std::string(dtype_kernel_name(DType::Int8)) == "Char");
  CHECK(std::string(dtype_legacy_name(DType::Int16)) == "ShortTensor");
  DType d;
  REQUIRE(dtype_from_name("uint8", d));
  CHECK(d == DType::UInt8);
  CHECK_FALSE(dtype_from_name("uint16", d));
}

TEST_CASE("integer arithmetic wraps around in the tensor's width", "[dtypes]") {
  CHECK(add(vec({255}, DType::UInt8), vec({1}, DType::UInt8)).to_int_vector() == std::vector<int64_t>{0});
  CHECK(add(vec({127}, DType::Int8), vec({1}, DType::Int8)).to_int_vector() == std::vector<int64_t>{-128});
  CHECK(mul(vec({32767}, DType::Int16), vec({2}, DType::Int16)).to_int_vector() == std::vector<int64_t>{-2});
  CHECK(add(vec({2147483647}, DType::Int32), vec({1}, DType::Int32)).to_int_vector() ==
        std::vector<int64_t>{-2147483648LL});
  CHECK(sub(vec({0}, DType::UInt8), vec({1}, DType::UInt8)).to_int_vector() == std::vector<int64_t>{255});
  // A Python int next to an int8 tensor keeps int8, its value wrapped: 1 + 1000 -> 1 + (-24).
  Tensor w = add(vec({1}, DType::Int8), wrap_scalar(1000, vec({1}, DType::Int8), true));
  CHECK(w.dtype() == DType::Int8);
  CHECK(w.to_int_vector() == std::vector<int64_t>{-23});
}

TEST_CASE("float -> narrow integer conversion truncates as PyTorch on x86", "[dtypes]") {
  Tensor f = vec({300.7, -1.5, 2.9, -129.2, 70000.5}, DType::Float32);
  CHECK(to_dtype(f, DType::UInt8).to_int_vector() == std::vector<int64_t>{44, 255, 2, 127, 112});
  CHECK(to_dtype(f, DType::Int8).to_int_vector() == std::vector<int64_t>{44, -1, 2, 127, 112});
  CHECK(to_dtype(f, DType::Int16).to_int_vector() == std::vector<int64_t>{300, -1, 2, -129, 4464});
  CHECK(to_dtype(f, DType::Int32).to_int_vector() == std::vector<int64_t>{300, -1, 2, -129, 70000});
}

TEST_CASE("sum and prod of small integers give int64; division gives float", "[dtypes]") {
  Tensor x = vec({100, 100, 100}, DType::Int8);
  Tensor s = sum(x, {}, false);
  CHECK(s.dtype() == DType::Int64);
  CHECK(s.to_int_vector() == std::vector<int64_t>{300});
  CHECK(div(x, x).dtype() == DType::Float32);
}

TEST_CASE("bitwise ops: integers and bool, PyTorch's errors for floats", "[dtypes]") {
  Tensor b = vec({1, 5, 11}, DType::Int64), c = vec({2, 7, 10}, DType::Int64);
  CHECK(bitwise_xor(b, c).to_int_vector() == std::vector<int64_t>{3, 2, 1});
  CHECK(bitwise_and(b, c).to_int_vector() == std::vector<int64_t>{0, 5, 10});
  CHECK(bitwise_or(b, c).to_int_vector() == std::vector<int64_t>{3, 7, 11});
  CHECK(bitwise_not(b).to_int_vector() == std::vector<int64_t>{-2, -6, -12});
  Tensor u = vec({0, 15, 200, 255}, DType::UInt8);
  CHECK(bitwise_not(u).to_int_vector() == std::vector<int64_t>{255, 240, 55, 0});
  Tensor i8 = vec({-128, -1, 1, 127}, DType::Int8);
  CHECK(bitwise_left_shift(i8, vec({1}, DType::Int8)).to_int_vector() == std::vector<int64_t>{0, -2, 2, -2});
  CHECK(bitwise_right_shift(i8, vec({9}, DType::Int8)).to_int_vector() == std::vector<int64_t>{-1, -1, 0, 0});
  CHECK(bitwise_and(u, i8).dtype() == DType::Int16);
  Tensor m = vec({1, 0, 1}, DType::Bool), n = vec({1, 1, 0}, DType::Bool);
  Tensor x = bitwise_xor(m, n);
  CHECK(x.dtype() == DType::Bool);
  CHECK(x.to_int_vector() == std::vector<int64_t>{0, 1, 1});
  CHECK_THROWS_WITH(bitwise_xor(b, vec({1.5, 2, 3}, DType::Float32)),
                    Equals("\"bitwise_xor_cpu\" not implemented for 'Float'"));
  CHECK_THROWS_WITH(bitwise_left_shift(vec({1}, DType::Float64), b), Equals("\"lshift_cpu\" not implemented for 'Double'"));
  CHECK_THROWS_WITH(bitwise_left_shift(m, m), Equals("\"lshift_cpu\" not implemented for 'Bool'"));
}
