// Float32 GEMM for WebAssembly SIMD128, c = a @ b (BLIS-style loops around one register tile).
//
// The tile is 2 rows x 16 columns of c, held in 8 f32x4 accumulators. Per step along k the
// micro-kernel loads 4 vectors of b and broadcasts 2 scalars of a (v128.load32_splat), then does
// 8 mul + 8 add. Why this shape: V8's TurboFan (x64) has 15 allocatable xmm registers and
// schedules every load of a loop iteration before its arithmetic, so a tile fits only if
// accumulators + b vectors + a broadcasts + 1 product temporary <= 15. 2x16 and 4x8 both need
// exactly 15; 2x16 does half the broadcasts, which are not free. Larger tiles spill inside the
// loop, and so does unrolling the k loop (its loads are hoisted too). Measured in Node 20, GFLOP/s
// at n = 256 with otherwise identical code: 2x16 59, 4x8 47, 3x8 45, 2x12 44, 4x16 34, 3x16 32,
// 4x12 32, 6x8 29, 5x8 26, 8x8 26, 2x16 with k unrolled by 2 or 4 33-34. In L1 the 2x16 loop
// runs at ~65 GFLOP/s, about the mul+add peak of this CPU's two multiply and two add pipes.
//
// No fused multiply-add: relaxed SIMD's f32x4.relaxed_madd would be one, but Emscripten 3.1.6
// (LLVM 14) encodes it with the pre-standard opcode (0xfd 0xaf 0x01), which Node 20 rejects
// (with or without --experimental-wasm-relaxed-simd) and so does current Chromium.
//
// Operands: b is packed, per (kc x nc) block, into zero-padded kc x 16 panels, contiguous and
// 64-byte aligned, so the kernel's b loads stream from L1 whatever b's strides were (transposed
// b is packed with 4x4 in-register transposes). a is read in place when its rows are contiguous
// (the kernel's two broadcast streams are then sequential); any other layout is packed into
// 2-row panels laid out [k][row]. Edge tiles (m % 2, n % 16) are computed into a scratch tile
// and copied out. The first k block writes c, later ones accumulate into it (beta = 0 overall).
//
// Blocking: kc = 256 keeps a 16 KiB b panel in L1 while the 2-row tiles of a stream past it,
// mc = 64 rows of a per packed block, nc = 512 columns (a 512 KiB packed b block, in L2).
// Measured kc 128/256/512 and mc 16..128: within 3 % of each other up to n = 512.
#include "engine/kernels/gemm_wasm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace tl::kernels {

namespace {

using idx = ptrdiff_t;  // 32-bit in wasm32: i64 index arithmetic would cost in the loops

constexpr idx MR = 2, NR = 16;              // register tile
constexpr idx KC = 256, MC = 64, NC = 512;  // cache blocks

idx round_up(idx x, idx to) { return (x + to - 1) / to * to; }

// Pack buffers: grown on demand, kept between calls; handed out 64-byte aligned. Plain statics:
// the wasm build is single-threaded, and Emscripten 3.1.6 refuses thread_local without atomics.
std::vector<float> a_buf, b_buf;
float* scratch(std::vector<float>& buf, idx n) {
  if (buf.size() < size_t(n) + 16) buf.resize(size_t(n) + 16);
  return reinterpret_cast<float*>((reinterpret_cast<uintptr_t>(buf.data()) + 63) & ~uintptr_t(63));
}

// dst[0:n] = src[0:n] for short rows (n <= 16); memcpy is an out-of-line call in wasm, which
// dominated small products with edge panels.
void copy_row(float* dst, const float* src, idx n) {
  idx j = 0;
  for (; j + 4 <= n; j += 4) wasm_v128_store(dst + j, wasm_v128_load(src + j));
  for (; j < n; ++j) dst[j] = src[j];
}

// c[0:2, 0:16] = (accumulate ? c : 0) + a[0:2, 0:kc] @ b[0:kc, 0:16]
// a(r, p) = a[r * a_rs + p * a_ks]; b is one packed panel (kc x 16). Out of line, so that TurboFan
// compiles and register-allocates this loop on its own whatever the code around the call (inlined,
// it measured the same).
__attribute__((noinline)) void kernel_2x16(idx kc, const float* a, idx a_rs, idx a_ks, const float* b, float* c,
                                           idx ldc, bool accumulate) {
  v128_t c00, c01, c02, c03, c10, c11, c12, c13;
  if (accumulate) {
    c00 = wasm_v128_load(c), c01 = wasm_v128_load(c + 4), c02 = wasm_v128_load(c + 8), c03 = wasm_v128_load(c + 12);
    const float* c1 = c + ldc;
    c10 = wasm_v128_load(c1), c11 = wasm_v128_load(c1 + 4), c12 = wasm_v128_load(c1 + 8), c13 = wasm_v128_load(c1 + 12);
  } else {
    c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = wasm_f32x4_splat(0.0f);
  }
  const float* a1 = a + a_rs;
  for (idx p = 0; p < kc; ++p) {
    const v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    const v128_t b2 = wasm_v128_load(b + 8), b3 = wasm_v128_load(b + 12);
    const v128_t x0 = wasm_v128_load32_splat(a), x1 = wasm_v128_load32_splat(a1);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(x0, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(x0, b1));
    c02 = wasm_f32x4_add(c02, wasm_f32x4_mul(x0, b2));
    c03 = wasm_f32x4_add(c03, wasm_f32x4_mul(x0, b3));
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(x1, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(x1, b1));
    c12 = wasm_f32x4_add(c12, wasm_f32x4_mul(x1, b2));
    c13 = wasm_f32x4_add(c13, wasm_f32x4_mul(x1, b3));
    a += a_ks, a1 += a_ks, b += NR;
  }
  wasm_v128_store(c, c00), wasm_v128_store(c + 4, c01), wasm_v128_store(c + 8, c02), wasm_v128_store(c + 12, c03);
  float* c1 = c + ldc;
  wasm_v128_store(c1, c10), wasm_v128_store(c1 + 4, c11), wasm_v128_store(c1 + 8, c12), wasm_v128_store(c1 + 12, c13);
}

// Packs b[0:kc, 0:nc] (strides s0, s1) into ceil(nc / 16) panels, each kc x 16 row-major. The
// columns past nc only feed lanes that are never stored; they are zeroed rather than left stale
// (stale floats could be denormals or NaN).
void pack_b(idx kc, idx nc, const float* b, idx s0, idx s1, float* out) {
  for (idx j0 = 0; j0 < nc; j0 += NR, b += NR * s1) {
    const idx nr = std::min(NR, nc - j0);
    if (nr == NR && s1 == 1) {  // rows of the panel are contiguous: copy
      for (idx p = 0; p < kc; ++p, out += NR) {
        const float* row = b + p * s0;
        wasm_v128_store(out, wasm_v128_load(row));
        wasm_v128_store(out + 4, wasm_v128_load(row + 4));
        wasm_v128_store(out + 8, wasm_v128_load(row + 8));
        wasm_v128_store(out + 12, wasm_v128_load(row + 12));
      }
    } else if (nr == NR && s0 == 1) {  // columns are contiguous (b transposed): 4x4 transposes
      idx p = 0;
      for (; p + 4 <= kc; p += 4, out += 4 * NR) {
        for (idx q = 0; q < NR; q += 4) {  // columns q..q+3, rows p..p+3
          const float* col = b + p + q * s1;
          const v128_t r0 = wasm_v128_load(col), r1 = wasm_v128_load(col + s1);
          const v128_t r2 = wasm_v128_load(col + 2 * s1), r3 = wasm_v128_load(col + 3 * s1);
          const v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
          const v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
          wasm_v128_store(out + q, wasm_i64x2_shuffle(t0, t1, 0, 2));
          wasm_v128_store(out + NR + q, wasm_i64x2_shuffle(t0, t1, 1, 3));
          wasm_v128_store(out + 2 * NR + q, wasm_i64x2_shuffle(t2, t3, 0, 2));
          wasm_v128_store(out + 3 * NR + q, wasm_i64x2_shuffle(t2, t3, 1, 3));
        }
      }
      for (; p < kc; ++p, out += NR)
        for (idx j = 0; j < NR; ++j) out[j] = b[p + j * s1];
    } else if (s1 == 1) {  // edge panel of contiguous rows
      for (idx p = 0; p < kc; ++p, out += NR) {
        wasm_v128_store(out, wasm_f32x4_splat(0.0f)), wasm_v128_store(out + 4, wasm_f32x4_splat(0.0f));
        wasm_v128_store(out + 8, wasm_f32x4_splat(0.0f)), wasm_v128_store(out + 12, wasm_f32x4_splat(0.0f));
        copy_row(out, b + p * s0, nr);
      }
    } else {  // other strides (transposed edge panel, sliced with a step, expanded)
      for (idx p = 0; p < kc; ++p, out += NR) {
        idx j = 0;
        for (; j < nr; ++j) out[j] = b[p * s0 + j * s1];
        for (; j < NR; ++j) out[j] = 0.0f;
      }
    }
  }
}

// Packs a[0:mc, 0:kc] (strides s0, s1) into ceil(mc / 2) panels, each kc x 2 ([k][row]): row i
// is slot i % 2 of panel i / 2. A lone last row leaves its panel's other slot unwritten (the
// kernel then reads that row twice, a_rs = 0).
void pack_a(idx mc, idx kc, const float* a, idx s0, idx s1, float* out) {
  idx i = 0;
  if (s0 == 1) {  // a transposed: 4 rows at each k are contiguous, two panels' worth
    for (; i + 4 <= mc; i += 4) {
      float* out0 = out + i * kc;
      float* out1 = out0 + MR * kc;
      for (idx p = 0; p < kc; ++p) {
        const v128_t v = wasm_v128_load(a + i + p * s1);
        wasm_v128_store64_lane(out0 + MR * p, v, 0);
        wasm_v128_store64_lane(out1 + MR * p, v, 1);
      }
    }
  }
  for (; i < mc; ++i) {
    float* row = out + (i - i % MR) * kc + i % MR;
    for (idx p = 0; p < kc; ++p) row[MR * p] = a[i * s0 + p * s1];
  }
}

}  // namespace

// Measured against Eigen in Node 20 over m, n in {1..64}, k in {1..512}: Eigen's GEMV wins the
// matrix-vector shapes (m = 1, n < 8: a 2x16 tile would leave most lanes idle) and the narrowest
// outer products (k = 1, n < 16); from n = 16 (with m >= 2) the kernel is 2-10x faster.
bool gemm_f32_wasm_wins(int64_t m, int64_t k, int64_t n) { return m >= 2 && n >= 8 && (k >= 2 || n >= 16); }

void gemm_f32_wasm(const float* a, int64_t m64, int64_t k64, int64_t sa0_, int64_t sa1_, const float* b,
                   int64_t n64, int64_t sb0_, int64_t sb1_, float* c) {
  // Every index fits 32 bits: wasm32 memory is at most 4 GiB (1 Gi floats).
  const idx m = idx(m64), k = idx(k64), n = idx(n64);
  const idx sa0 = idx(sa0_), sa1 = idx(sa1_), sb0 = idx(sb0_), sb1 = idx(sb1_);
  alignas(16) float tile[MR * NR];
  for (idx jc = 0; jc < n; jc += NC) {
    const idx nc = std::min(NC, n - jc);
    for (idx pc = 0; pc < k; pc += KC) {
      const idx kc = std::min(KC, k - pc);
      float* bp = scratch(b_buf, kc * round_up(nc, NR));
      pack_b(kc, nc, b + pc * sb0 + jc * sb1, sb0, sb1, bp);
      const bool accumulate = pc > 0;
      for (idx ic = 0; ic < m; ic += MC) {
        const idx mc = std::min(MC, m - ic);
        // Row r of this block starts at ap + r * a_row; inside a tile, a(r, p) = at[r * a_rs + p * a_ks].
        const float* ap = a + ic * sa0 + pc * sa1;
        idx a_row = sa0, a_rs = sa0, a_ks = 1;
        if (sa1 != 1) {
          float* packed = scratch(a_buf, round_up(mc, MR) * kc);
          pack_a(mc, kc, ap, sa0, sa1, packed);
          ap = packed, a_row = kc, a_rs = 1, a_ks = MR;
        }
        for (idx jr = 0; jr < nc; jr += NR) {
          const idx nr = std::min(NR, nc - jr);
          const float* bt = bp + jr * kc;
          for (idx ir = 0; ir < mc; ir += MR) {
            const idx mr = std::min(MR, mc - ir);
            const float* at = ap + ir * a_row;
            float* ct = c + (ic + ir) * n + jc + jr;
            if (mr == MR && nr == NR) {
              kernel_2x16(kc, at, a_rs, a_ks, bt, ct, n, accumulate);
              continue;
            }
            // Edge tile: through the scratch tile, so that nothing outside a or c is touched
            // (a lone last row of a is read twice rather than past its end).
            if (accumulate)
              for (idx i = 0; i < mr; ++i) copy_row(tile + i * NR, ct + i * n, nr);
            kernel_2x16(kc, at, mr == MR ? a_rs : 0, a_ks, bt, tile, NR, accumulate);
            for (idx i = 0; i < mr; ++i) copy_row(ct + i * n, tile + i * NR, nr);
          }
        }
      }
    }
  }
}

}  // namespace tl::kernels
#endif
