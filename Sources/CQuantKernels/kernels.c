// AVX2 micro-kernel of the integer GEMM. Compiled for the baseline target; only the kernel itself
// is compiled for AVX2 (`target("avx2")`) and it runs only after `qnb_cpu_has_avx2()` said yes.

#include "CQuantKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include <string.h>

int qnb_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}

// Adds (`accumulate`) or stores two vectors of eight int32 at `c`.
__attribute__((target("avx2"), always_inline)) static inline void store_row(
    int32_t *c, __m256i lo, __m256i hi, int accumulate) {
    if (accumulate) {
        lo = _mm256_add_epi32(lo, _mm256_loadu_si256((const __m256i *)c));
        hi = _mm256_add_epi32(hi, _mm256_loadu_si256((const __m256i *)(c + 8)));
    }
    _mm256_storeu_si256((__m256i *)c, lo);
    _mm256_storeu_si256((__m256i *)(c + 8), hi);
}

// One depth pair for one row: the row's two codes, broadcast, times the 16 columns' two codes,
// summed in pairs (vpmaddwd) into the row's two accumulators. vpmaddwd cannot overflow on 8-bit
// codes (2 · 255 · 255 < 2^31); the additions wrap.
#define ROW(r)                                                              \
    do {                                                                    \
        int32_t pair;                                                       \
        memcpy(&pair, a + 2 * (r), sizeof pair);                            \
        const __m256i x = _mm256_set1_epi32(pair);                          \
        c##r##0 = _mm256_add_epi32(c##r##0, _mm256_madd_epi16(x, b0));      \
        c##r##1 = _mm256_add_epi32(c##r##1, _mm256_madd_epi16(x, b1));      \
    } while (0)

__attribute__((target("avx2"))) void qnb_gemm_kernel_6x16_avx2(
    const int16_t *a, const int16_t *b, long pairs, int32_t *c, long ldc, int accumulate) {
    __m256i c00 = _mm256_setzero_si256(), c01 = _mm256_setzero_si256();
    __m256i c10 = _mm256_setzero_si256(), c11 = _mm256_setzero_si256();
    __m256i c20 = _mm256_setzero_si256(), c21 = _mm256_setzero_si256();
    __m256i c30 = _mm256_setzero_si256(), c31 = _mm256_setzero_si256();
    __m256i c40 = _mm256_setzero_si256(), c41 = _mm256_setzero_si256();
    __m256i c50 = _mm256_setzero_si256(), c51 = _mm256_setzero_si256();
    for (long p = 0; p < pairs; p++) {
        const __m256i b0 = _mm256_load_si256((const __m256i *)b);
        const __m256i b1 = _mm256_load_si256((const __m256i *)(b + 16));
        ROW(0);
        ROW(1);
        ROW(2);
        ROW(3);
        ROW(4);
        ROW(5);
        a += 12;
        b += 32;
    }
    store_row(c, c00, c01, accumulate);
    store_row(c + ldc, c10, c11, accumulate);
    store_row(c + 2 * ldc, c20, c21, accumulate);
    store_row(c + 3 * ldc, c30, c31, accumulate);
    store_row(c + 4 * ldc, c40, c41, accumulate);
    store_row(c + 5 * ldc, c50, c51, accumulate);
}

#else

int qnb_cpu_has_avx2(void) { return 0; }

void qnb_gemm_kernel_6x16_avx2(
    const int16_t *a, const int16_t *b, long pairs, int32_t *c, long ldc, int accumulate) {
    (void)a; (void)b; (void)pairs; (void)c; (void)ldc; (void)accumulate;
}

#endif
