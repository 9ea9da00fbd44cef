// engine/kernels/libstdcxx_select.h must leave elements exactly where GCC's libstdc++ leaves them
// (PyTorch's tie order). The native build links libstdc++, so std:: is the reference here; random
// inputs with many ties (values from a small set, each tagged with its index) at every size up to
// 300 and a few larger ones, every nth / middle.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "engine/kernels/libstdcxx_select.h"

namespace {
using E = std::pair<int, int>;  // (value, original index); compared by value only
bool by_value(const E& a, const E& b) { return a.first < b.first; }

std::vector<E> tied(std::mt19937& rng, int n) {
  std::uniform_int_distribution<int> v(0, 1 + n / 8);
  std::vector<E> r;
  for (int i = 0; i < n; ++i) r.emplace_back(v(rng), i);
  return r;
}
}  // namespace

TEST_CASE("libstdcxx::nth_element, partial_sort and sort leave ties where libstdc++ does") {
#if defined(__GLIBCXX__)
  std::mt19937 rng(7);
  std::vector<int> sizes;
  for (int n = 1; n <= 300; ++n) sizes.push_back(n);
  for (int n : {1000, 4096, 10007}) sizes.push_back(n);
  int checked = 0;
  for (int n : sizes) {
    const std::vector<E> in = tied(rng, n);
    for (int k : {0, n / 3, (n - 1) / 2, n / 2, n - 1}) {
      std::vector<E> a = in, b = in;
      std::nth_element(a.begin(), a.begin() + k, a.end(), by_value);
      tl::kernels::libstdcxx::nth_element(b.begin(), b.begin() + k, b.end(), by_value);
      REQUIRE(a == b);
      a = in, b = in;
      std::partial_sort(a.begin(), a.begin() + k + 1, a.end(), by_value);
      tl::kernels::libstdcxx::partial_sort(b.begin(), b.begin() + k + 1, b.end(), by_value);
      REQUIRE(a == b);
      ++checked;
    }
    {
      std::vector<E> a = in, b = in;
      std::sort(a.begin(), a.end(), by_value);
      tl::kernels::libstdcxx::sort(b.begin(), b.end(), by_value);
      REQUIRE(a == b);
    }
  }
  CHECK(checked == 5 * int(sizes.size()));
#else
  // Only a libstdc++ build has the reference to compare with.
  WARN("not built with libstdc++: nothing to compare against");
#endif
}
