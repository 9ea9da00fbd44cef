#include "engine/core/tensor.h"

#include <cstdint>
#include <cstdlib>

#include "engine/autograd/node.h"

namespace tl {

Stats& stats() {
  static Stats s;
  return s;
}

static int64_t g_max_elements = int64_t(1) << 28;  // 1 GiB of float32
int64_t max_elements() { return g_max_elements; }
void set_max_elements(int64_t n) { g_max_elements = n; }

namespace {
// Size classes are powers of two from 64 bytes; each keeps a few freed buffers, up to a total
// cap, per thread (a session drives the engine from one thread).
constexpr int kClasses = 40;
constexpr size_t kPoolCap = size_t(256) << 20;  // bytes kept across all classes
constexpr size_t kPerClass = 16;
// Large buffers: 64-byte aligned (SIMD kernels) by hand, over a plain malloc of the class size + 64.
// Not aligned_alloc: dlmalloc's memalign (wasm) asks for size + alignment + a minimum chunk and
// trims the rest, so a freed aligned block is a little smaller than the next identical request;
// with small objects allocated between them, freed large blocks were never reused and each round
// of big tensors grew the heap (issue 14). Same-class requests are now the same malloc size and
// fit each other's holes exactly. The raw pointer sits just below the aligned address.
// Successive blocks start at rotating 64-byte offsets within a 1 KiB window: with every block at
// the same address modulo 4 KiB, a GEMM's A, B and C panels alias in the cache (wasm W1 ran at
// 0.8x TF.js instead of 1.35x).
void* alloc_block(size_t bytes) {
  static unsigned turn = 0;
  const uintptr_t skew = uintptr_t((turn++ * 5u) % 16u) * 64u;
  char* raw = static_cast<char*>(std::malloc(bytes + 64 + 1024));
  if (!raw) return nullptr;
  char* p = reinterpret_cast<char*>(((reinterpret_cast<uintptr_t>(raw) + 64) & ~uintptr_t(63)) + skew);
  reinterpret_cast<void**>(p)[-1] = raw;
  return p;
}
void free_block(void* p) { std::free(reinterpret_cast<void**>(p)[-1]); }

struct BufferPool {
  std::vector<void*> free[kClasses];
  size_t bytes = 0;
  ~BufferPool() { clear(); }
  void clear() {
    for (auto& v : free) {
      for (void* p : v) free_block(p);
      v.clear();
    }
    stats().pooled_bytes -= int64_t(bytes);
    bytes = 0;
  }
};
BufferPool& pool() {
  static thread_local BufferPool p;
  return p;
}
int size_class(size_t n) {
  int c = 0;
  while ((size_t(64) << c) < n) ++c;
  return c;
}
}  // namespace

void release_buffer_pool() { pool().clear(); }

Storage::Storage(size_t n) : nbytes(n) {
  if (n <= sizeof(inline_buf)) {
    data = inline_buf;
  } else {
    int c = size_class(n);
    TL_CHECK(c < kClasses, "out of memory allocating ", n, " bytes");
    BufferPool& p = pool();
    if (!p.free[c].empty()) {
      data = p.free[c].back();
      p.free[c].pop_back();
      p.bytes -= size_t(64) << c;
      stats().pooled_bytes -= int64_t(size_t(64) << c);
    } else {
      data = alloc_block(size_t(64) << c);
      TL_CHECK(data != nullptr, "out of memory allocating ", n, " bytes");
    }
  }
  stats().live_storages++;
  stats().storage_bytes += int64_t(n);
}
Storage::~Storage() {
  stats().live_storages--;
  stats().storage_bytes -= int64_t(nbytes);
  if (data == inline_buf) return;
  const int c = size_class(nbytes);
  const size_t sz = size_t(64) << c;
  BufferPool& p = pool();
  if (p.free[c].size() < kPerClass && p.bytes + sz <= kPoolCap) {
    p.free[c].push_back(data);
    p.bytes += sz;
    stats().pooled_bytes += int64_t(sz);
  } else {
    free_block(data);
  }
}

static thread_local bool t_inference_mode = false;  // torch.inference_mode()
TensorImpl::TensorImpl() : is_inference(t_inference_mode) { stats().live_tensors++; }
TensorImpl::~TensorImpl() {
  stats().live_tensors--;
  // A tensor may own the head of a long graph: hand it to the iterative teardown.
  if (grad_fn) defer_release(std::move(grad_fn));
  if (grad) defer_release(std::move(grad));
}

bool TensorImpl::is_contiguous() const {
  int64_t expect = 1;
  for (int i = shape.n - 1; i >= 0; --i) {
    if (shape.d[i] != 1 && strides.d[i] != expect) return false;
    expect *= shape.d[i];
  }
  return true;
}

int64_t Tensor::size(int64_t d) const { return shape()[wrap_dim("size", d, dim())]; }

static thread_local DType t_default_float = DType::Float32;
DType default_float_dtype() { return t_default_float; }
void set_default_float_dtype(DType t) {
  TL_CHECK(is_floating(t), "set_default_dtype: only floating-point types are supported as the default type");
  t_default_float = t;
}

static thread_local bool t_grad_enabled = true;
bool grad_enabled() { return t_grad_enabled; }
void set_grad_enabled(bool on) { t_grad_enabled = on; }
bool inference_mode() { return t_inference_mode; }
void set_inference_mode(bool on) { t_inference_mode = on; }

// ---- iterative teardown ----
namespace {
struct Pending {
  std::vector<std::shared_ptr<Node>> nodes;
  std::vector<std::shared_ptr<TensorImpl>> impls;
  bool draining = false;
};
Pending& pending() {
  static thread_local Pending p;
  return p;
}
void drain() {
  Pending& p = pending();
  if (p.draining) return;
  p.draining = true;
  while (!p.nodes.empty() || !p.impls.empty()) {
    if (!p.nodes.empty()) {
      std::shared_ptr<Node> n = std::move(p.nodes.back());
      p.nodes.pop_back();
      n.reset();  // may push more work; never recurses more than one level
    } else {
      std::shared_ptr<TensorImpl> t = std::move(p.impls.back());
      p.impls.pop_back();
      t.reset();
    }
  }
  p.draining = false;
}
}  // namespace

void defer_release(std::shared_ptr<Node>&& p) {
  if (p.use_count() > 1) {
    p.reset();  // not the last owner: nothing is destroyed
    return;
  }
  pending().nodes.push_back(std::move(p));
  drain();
}
void defer_release(std::shared_ptr<TensorImpl>&& p) {
  if (p.use_count() > 1) {
    p.reset();
    return;
  }
  pending().impls.push_back(std::move(p));
  drain();
}

}  // namespace tl
