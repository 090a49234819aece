#ifndef CQUANTIZE_H
#define CQUANTIZE_H

// AVX2 versions of QuantEngine's per-tensor quantize, fake-quantize and dequantize loops, used
// when the CPU has AVX2 (`cq_avx2_available`). Each computes exactly what the portable Swift loop
// computes, element by element: a true IEEE division `x / scale` (`vdivps`), the clamp to
// `[lower, upper]`, the rounding rule, `+ zero_point`; `y = (float)(q - zero_point) * scale`.
// Results do not depend on how a buffer is split, so callers may cut it anywhere.
//
// On other architectures `cq_avx2_available` returns 0 and the kernels must not be called.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The deterministic rounding rules, numbered as QuantEngine's `Rounding` lists them.
enum {
    CQ_ROUND_NEAREST_EVEN = 0,
    CQ_ROUND_NEAREST_AWAY = 1,
    CQ_ROUND_TOWARD_ZERO = 2,
    CQ_ROUND_DOWN = 3,
    CQ_ROUND_UP = 4,
};

/// One parameter set: `lower = qmin - zero_point`, `upper = qmax - zero_point` (integers).
typedef struct cq_grid {
    float scale;
    float lower;
    float upper;
    int32_t zero_point;
    int32_t rounding;
} cq_grid;

/// 1 if this CPU (and its operating system) supports AVX2 and F16C, else 0.
int cq_avx2_available(void);

/// `q[i] = round(clamp(x[i] / scale, lower, upper)) + zero_point` for `i < n`. Returns 1 if any
/// `x[i]` is NaN or infinite (the codes are then meaningless), else 0.
int cq_quantize_s8_avx2(const float *x, int8_t *q, size_t n, const cq_grid *grid);
int cq_quantize_u8_avx2(const float *x, uint8_t *q, size_t n, const cq_grid *grid);
int cq_quantize_s16_avx2(const float *x, int16_t *q, size_t n, const cq_grid *grid);
int cq_quantize_u16_avx2(const float *x, uint16_t *q, size_t n, const cq_grid *grid);

/// `y[i] = (float)round(clamp(x[i] / scale, lower, upper)) * scale`; returns 1 if any `x[i]`
/// is NaN or infinite, else 0.
int cq_fake_quantize_avx2(const float *x, float *y, size_t n, const cq_grid *grid);

/// `y[i] = (float)(q[i] - zero_point) * scale`.
void cq_dequantize_s8_avx2(const int8_t *q, float *y, size_t n, float scale, int32_t zero_point);
void cq_dequantize_u8_avx2(const uint8_t *q, float *y, size_t n, float scale, int32_t zero_point);
void cq_dequantize_s16_avx2(const int16_t *q, float *y, size_t n, float scale, int32_t zero_point);
void cq_dequantize_u16_avx2(const uint16_t *q, float *y, size_t n, float scale, int32_t zero_point);

/// The least and greatest non-NaN elements of `x[0..<n]` (+inf and -inf if there are none) and
/// whether any element is NaN, computed as QuantEngine's Swift scan does (two accumulators of
/// eight lanes over 16 elements per step, the same combining order), so that even the sign of a
/// zero result is the same.
void cq_range_scan_avx2(const float *x, size_t n, float *min, float *max, int *has_nan);

/// `q[i] = fp8(x[i] / scale)`: QuantEngine's `FP8.encodeE4M3FN` (or `encodeE5M2` when `e5m2` is
/// nonzero) of the Float32 quotient, eight lanes at a time with the same integer steps.
void cq_fp8_encode_avx2(const float *x, uint8_t *q, size_t n, float scale, int e5m2, int saturate);

/// llama.cpp's `quantize_row_q8_0_ref` / `quantize_row_q4_0_ref` for whole blocks of 32 values,
/// writing `block_q8_0` (34 bytes) / `block_q4_0` (18 bytes) records with the same float steps
/// (no fused multiply-add). Stops before the first block whose data are not all finite or whose
/// scale `d` is neither zero nor a normal float, and returns the number of blocks written; the
/// caller runs the scalar transcription of the C code for that block and continues after it.
size_t cq_ggml_q8_0_avx2(const float *x, uint8_t *y, size_t blocks);
size_t cq_ggml_q4_0_avx2(const float *x, uint8_t *y, size_t blocks);

#ifdef __cplusplus
}
#endif

#endif
