// A vector that keeps up to N elements inline (no heap allocation) and spills to the heap beyond
// that. Graph nodes use it for their edges, input metadata and saved tensors: almost every op
// has one or two inputs, and a heap block per list per op was a third of the graph's cost.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace tl {

template <class T, size_t N>
class SmallVec {
 public:
  SmallVec() = default;
  SmallVec(const SmallVec&) = delete;
  SmallVec& operator=(const SmallVec&) = delete;

  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  T* data() { return heap_.empty() ? inline_ : heap_.data(); }
  const T* data() const { return heap_.empty() ? inline_ : heap_.data(); }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& at(size_t i) { return data()[i]; }
  T* begin() { return data(); }
  T* end() { return data() + n_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + n_; }
  T& back() { return data()[n_ - 1]; }

  void push_back(T v) {
    reserve(n_ + 1);
    data()[n_++] = std::move(v);
  }
  // Grows with default-constructed elements, or shrinks (resetting the dropped ones).
  void resize(size_t n) {
    reserve(n);
    for (size_t i = n; i < n_; ++i) data()[i] = T();
    n_ = n;
  }
  void clear() { resize(0); }

 private:
  void reserve(size_t n) {
    if (n <= N || n <= heap_.size()) return;
    std::vector<T> h(n < 2 * N ? 2 * N : n);
    T* src = data();
    for (size_t i = 0; i < n_; ++i) h[i] = std::move(src[i]);
    for (size_t i = 0; i < N; ++i) inline_[i] = T();
    heap_ = std::move(h);
  }

  T inline_[N] = {};
  std::vector<T> heap_;  // used (non-empty) once the size exceeds N
  size_t n_ = 0;
};

}  // namespace tl
