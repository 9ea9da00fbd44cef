// Global operator new/delete: small blocks come from per-size free lists.
//
// Every op makes a handful of small heap objects (the result's TensorImpl and Storage, the graph
// Node, shared_ptr control blocks) and frees them again when the step's graph goes. Through
// Emscripten's dlmalloc each malloc/free pair cost ~100 ns, ~20% of a small op's time from JS;
// glibc's malloc is faster, but its per-thread cache holds only 7 blocks per size, so freeing a
// graph spills into its slower bins (~13% of the tiny-MLP benchmark natively). Here a freed block
// of up to kMaxSmall bytes goes onto the free list of its size class (multiples of malloc's
// alignment) and the next request of that class pops it (a few ns). Blocks on the lists are kept
// for reuse, never returned to malloc: the lists hold at most the peak number of live small
// objects. The lists are per thread (a block freed on another thread simply joins that thread's
// list; a thread's lists stay allocated when it exits — the engine runs on one thread).
//
// Sanitizer builds keep the system allocator: AddressSanitizer must see every allocation.
#if defined(__SANITIZE_ADDRESS__)
#define TL_SYSTEM_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define TL_SYSTEM_ALLOCATOR 1
#endif
#endif

#ifndef TL_SYSTEM_ALLOCATOR
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Blocks keep malloc's alignment (max_align_t: 8 in wasm32, 16 on x86-64): sizes are multiples of
// it and the header below each block (holding its tag) is one granule.
constexpr size_t kGranule = alignof(std::max_align_t);
constexpr size_t kHeader = kGranule;
constexpr size_t kMaxSmall = 1024;  // a graph Node is ~500 bytes, a TensorImpl ~250
constexpr uint32_t kClasses = kMaxSmall / kGranule;
// Header tags: a size class (1..kClasses) of the granule-aligned lists, that plus kAligned16 for
// the 16-aligned lists where the granule is 8 (wasm: Storage has a 16-aligned inline buffer), or
// one of the two below.
constexpr uint32_t kAligned16 = 0x10000;
constexpr uint32_t kLarge = 0;            // plain malloc block
constexpr uint32_t kOverAligned = ~0u;    // aligned malloc block; the raw pointer is just below

struct FreeBlock {
  FreeBlock* next;
};
#ifdef __EMSCRIPTEN__
FreeBlock* g_free[2][kClasses + 1];  // single-threaded (wasm-ld refuses TLS without atomics)
#else
thread_local FreeBlock* g_free[2][kClasses + 1];  // [granule-aligned, 16-aligned][size class]
#endif

uint32_t& tag(void* user) { return *reinterpret_cast<uint32_t*>(static_cast<char*>(user) - kHeader); }

void* pop(int family, uint32_t c) {
  FreeBlock* b = g_free[family][c];
  if (b) g_free[family][c] = b->next;
  return b;
}

void* allocate(size_t n) {
  const uint32_t c = n <= kMaxSmall ? uint32_t((n + kGranule - 1) / kGranule) : kLarge;
  if (c != kLarge)
    if (void* p = pop(0, c)) return p;
  const size_t bytes = c != kLarge ? c * kGranule : n;
  char* raw = static_cast<char*>(std::malloc(kHeader + (bytes ? bytes : 1)));
  if (!raw) throw std::bad_alloc();
  *reinterpret_cast<uint32_t*>(raw) = c;
  return raw + kHeader;
}

// Alignment above the granule. Small blocks aligned to 16 (wasm) have lists of their own (never
// freed, so the raw pointer is not kept); larger or more aligned blocks keep the raw pointer below
// the tag.
void* allocate_aligned(size_t n, size_t align) {
  if (align <= kGranule) return allocate(n);
  if (align == 16 && n <= kMaxSmall) {
    const uint32_t c = n ? uint32_t((n + kGranule - 1) / kGranule) : 1;
    if (void* p = pop(1, c)) return p;
    char* raw = static_cast<char*>(std::malloc(c * kGranule + 16 + kHeader));
    if (!raw) throw std::bad_alloc();
    char* user = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(raw) + kHeader + 15) & ~uintptr_t(15));
    tag(user) = c | kAligned16;
    return user;
  }
  char* raw = static_cast<char*>(std::malloc(n + align + kHeader + sizeof(void*)));
  if (!raw) throw std::bad_alloc();
  const uintptr_t first = reinterpret_cast<uintptr_t>(raw) + kHeader + sizeof(void*);
  char* user = reinterpret_cast<char*>((first + align - 1) & ~uintptr_t(align - 1));
  *reinterpret_cast<void**>(user - kHeader - sizeof(void*)) = raw;
  tag(user) = kOverAligned;
  return user;
}

void deallocate(void* p) {
  if (!p) return;
  const uint32_t t = tag(p);
  if (t == kOverAligned) {
    std::free(*reinterpret_cast<void**>(static_cast<char*>(p) - kHeader - sizeof(void*)));
  } else if (t == kLarge) {
    std::free(static_cast<char*>(p) - kHeader);
  } else {
    const int family = (t & kAligned16) ? 1 : 0;
    const uint32_t c = t & ~kAligned16;
    FreeBlock* b = static_cast<FreeBlock*>(p);
    b->next = g_free[family][c];
    g_free[family][c] = b;
  }
}

}  // namespace

void* operator new(size_t n) { return allocate(n); }
void* operator new[](size_t n) { return allocate(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void* operator new(size_t n, std::align_val_t a) { return allocate_aligned(n, size_t(a)); }
void* operator new[](size_t n, std::align_val_t a) { return allocate_aligned(n, size_t(a)); }

void operator delete(void* p) noexcept { deallocate(p); }
void operator delete[](void* p) noexcept { deallocate(p); }
void operator delete(void* p, size_t) noexcept { deallocate(p); }
void operator delete[](void* p, size_t) noexcept { deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete(void* p, std::align_val_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::align_val_t) noexcept { deallocate(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { deallocate(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { deallocate(p); }

#endif  // TL_SYSTEM_ALLOCATOR
