// Hand-vectorised inner loops for QuantEngine's integer GEMM, chosen at run time by CPU features.
// Each kernel has the same contract as the portable Swift kernel `IntegerGEMM.kernel6x16`.

#ifndef CQUANTKERNELS_H
#define CQUANTKERNELS_H

#include <stdint.h>

/// 1 when this processor (and operating system) can run `qnb_gemm_kernel_6x16_avx2`, else 0.
int qnb_cpu_has_avx2(void);

/// Multiplies one packed block of A (6 rows: per depth pair, the six rows' two int16 codes side
/// by side) by one packed panel of B (16 columns: per depth pair, the 16 columns' two int16 codes
/// side by side, 64-byte aligned) over `pairs` depth pairs, and stores the 6 × 16 int32 tile at
/// `c` (row stride `ldc` elements), or adds it to what is there when `accumulate` is non-zero.
/// Sums wrap modulo 2^32. Call only when `qnb_cpu_has_avx2()` returned 1.
void qnb_gemm_kernel_6x16_avx2(
    const int16_t *a, const int16_t *b, long pairs, int32_t *c, long ldc, int accumulate);

#endif
