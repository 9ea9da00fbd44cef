// nth_element, partial_sort and sort in the exact order of GCC's libstdc++, whatever standard library
// this file is compiled with.
//
// Why: PyTorch 1.13 (built with libstdc++) picks among equal values (-0.0 and +0.0, or values with
// different indices) by where std::nth_element / std::partial_sort leave them. The wasm build uses
// libc++, whose algorithms leave ties elsewhere, so the native and wasm results differed. These are
// the libstdc++ algorithms (introselect with median-of-three pivots and insertion sort below four
// elements; heap select with its sift-down), written out. Iterative: no recursion.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace tl::kernels::libstdcxx {

namespace detail {

template <class It, class Cmp>
void push_heap(It first, std::ptrdiff_t hole, std::ptrdiff_t top, typename std::iterator_traits<It>::value_type v,
               Cmp& comp) {
  std::ptrdiff_t parent = (hole - 1) / 2;
  while (hole > top && comp(first[parent], v)) {
    first[hole] = std::move(first[parent]);
    hole = parent;
    parent = (hole - 1) / 2;
  }
  first[hole] = std::move(v);
}

template <class It, class Cmp>
void adjust_heap(It first, std::ptrdiff_t hole, std::ptrdiff_t len, typename std::iterator_traits<It>::value_type v,
                 Cmp& comp) {
  const std::ptrdiff_t top = hole;
  std::ptrdiff_t child = hole;
  while (child < (len - 1) / 2) {
    child = 2 * (child + 1);
    if (comp(first[child], first[child - 1])) --child;
    first[hole] = std::move(first[child]);
    hole = child;
  }
  if ((len & 1) == 0 && child == (len - 2) / 2) {
    child = 2 * (child + 1);
    first[hole] = std::move(first[child - 1]);
    hole = child - 1;
  }
  detail::push_heap(first, hole, top, std::move(v), comp);
}

template <class It, class Cmp>
void make_heap(It first, It last, Cmp& comp) {
  const std::ptrdiff_t len = last - first;
  if (len < 2) return;
  for (std::ptrdiff_t parent = (len - 2) / 2;; --parent) {
    auto v = std::move(first[parent]);
    detail::adjust_heap(first, parent, len, std::move(v), comp);
    if (parent == 0) return;
  }
}

template <class It, class Cmp>
void pop_heap(It first, It last, It result, Cmp& comp) {
  auto v = std::move(*result);
  *result = std::move(*first);
  detail::adjust_heap(first, 0, last - first, std::move(v), comp);
}

template <class It, class Cmp>
void heap_select(It first, It middle, It last, Cmp& comp) {
  detail::make_heap(first, middle, comp);
  for (It i = middle; i < last; ++i)
    if (comp(*i, *first)) detail::pop_heap(first, middle, i, comp);
}

template <class It, class Cmp>
void insertion_sort(It first, It last, Cmp& comp) {
  if (first == last) return;
  for (It i = first + 1; i != last; ++i) {
    auto v = std::move(*i);
    if (comp(v, *first)) {
      for (It j = i; j != first; --j) *j = std::move(*(j - 1));
      *first = std::move(v);
    } else {
      It hole = i;
      for (It prev = i - 1; comp(v, *prev); --prev) {
        *hole = std::move(*prev);
        hole = prev;
      }
      *hole = std::move(v);
    }
  }
}

template <class It, class Cmp>
void move_median_to_first(It result, It a, It b, It c, Cmp& comp) {
  if (comp(*a, *b)) {
    if (comp(*b, *c)) std::iter_swap(result, b);
    else if (comp(*a, *c)) std::iter_swap(result, c);
    else std::iter_swap(result, a);
  } else if (comp(*a, *c)) {
    std::iter_swap(result, a);
  } else if (comp(*b, *c)) {
    std::iter_swap(result, c);
  } else {
    std::iter_swap(result, b);
  }
}

template <class It, class Cmp>
It partition_pivot(It first, It last, Cmp& comp) {
  It mid = first + (last - first) / 2;
  move_median_to_first(first, first + 1, mid, last - 1, comp);
  It lo = first + 1, hi = last;
  for (;;) {
    while (comp(*lo, *first)) ++lo;
    --hi;
    while (comp(*first, *hi)) --hi;
    if (!(lo < hi)) return lo;
    std::iter_swap(lo, hi);
    ++lo;
  }
}

inline int floor_log2(std::ptrdiff_t n) {
  int k = 0;
  while (n > 1) n >>= 1, ++k;
  return k;
}

}  // namespace detail

// std::nth_element(first, nth, last, comp) as libstdc++ runs it.
template <class It, class Cmp>
void nth_element(It first, It nth, It last, Cmp comp) {
  if (first == last || nth == last) return;
  int depth = 2 * detail::floor_log2(last - first);
  while (last - first > 3) {
    if (depth == 0) {
      detail::heap_select(first, nth + 1, last, comp);
      std::iter_swap(first, nth);  // the nth largest of the heap into its final place
      return;
    }
    --depth;
    It cut = detail::partition_pivot(first, last, comp);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  detail::insertion_sort(first, last, comp);
}

// std::sort(first, last, comp) as libstdc++ runs it: introsort down to runs of 16 (heap sort when
// the depth limit runs out), then one insertion sort. libstdc++ recurses into the right part of
// each cut; the parts are disjoint, so an explicit stack of (range, depth left) does the same.
template <class It, class Cmp>
void sort(It first, It last, Cmp comp);

// std::partial_sort(first, middle, last, comp) as libstdc++ runs it.
template <class It, class Cmp>
void partial_sort(It first, It middle, It last, Cmp comp) {
  detail::heap_select(first, middle, last, comp);
  while (middle - first > 1) {  // sort_heap
    --middle;
    detail::pop_heap(first, middle, middle, comp);
  }
}

template <class It, class Cmp>
void sort(It first, It last, Cmp comp) {
  if (last - first < 2) return;
  struct Range {
    It first, last;
    int depth;
  };
  std::vector<Range> todo{{first, last, 2 * detail::floor_log2(last - first)}};
  while (!todo.empty()) {
    Range r = todo.back();
    todo.pop_back();
    while (r.last - r.first > 16) {
      if (r.depth == 0) {
        libstdcxx::partial_sort(r.first, r.last, r.last, comp);
        break;
      }
      --r.depth;
      It cut = detail::partition_pivot(r.first, r.last, comp);
      todo.push_back({cut, r.last, r.depth});
      r.last = cut;
    }
  }
  // final insertion sort: guarded over the first 16, then unguarded (the minimum is among them)
  if (last - first > 16) {
    detail::insertion_sort(first, first + 16, comp);
    for (It i = first + 16; i != last; ++i) {
      auto v = std::move(*i);
      It hole = i;
      for (It prev = i - 1; comp(v, *prev); --prev) {
        *hole = std::move(*prev);
        hole = prev;
      }
      *hole = std::move(v);
    }
  } else {
    detail::insertion_sort(first, last, comp);
  }
}

}  // namespace tl::kernels::libstdcxx
