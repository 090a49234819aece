#include "CQuantize.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))

#include <immintrin.h>

int cq_avx2_available(void) {
    __builtin_cpu_init();
    // Also checks that the operating system saves the YMM registers (OSXSAVE, XCR0). Every CPU
    // with AVX2 also has F16C (half-precision conversion), which the ggml kernels use.
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c") ? 1 : 0;
}

#define CQ_AVX2 __attribute__((target("avx2,f16c")))
#define CQ_INLINE static inline __attribute__((always_inline))

/// Elements per loop iteration: four vectors of eight, so four divisions are in flight.
#define CQ_STEP 32

/// Software prefetch this many bytes ahead of the float loads of the quantize loops: one core then
/// streams a large tensor about 15% faster than with the hardware prefetchers alone (measured on
/// AMD Zen 3; it gains nothing for dequantize or a pure read). A prefetch never faults, so running
/// past the end of a buffer is harmless.
#define CQ_AHEAD 4096
#define CQ_PREFETCH(p) _mm_prefetch((const char *)(p) + CQ_AHEAD, _MM_HINT_T0)

enum { CQ_S8, CQ_U8, CQ_S16, CQ_U16 };

typedef struct {
    __m256 scale, lower, upper;
    __m256i zero_point;
} cq_vgrid;

CQ_INLINE CQ_AVX2 cq_vgrid cq_broadcast(const cq_grid *grid) {
    cq_vgrid g;
    g.scale = _mm256_set1_ps(grid->scale);
    g.lower = _mm256_set1_ps(grid->lower);
    g.upper = _mm256_set1_ps(grid->upper);
    g.zero_point = _mm256_set1_epi32(grid->zero_point);
    return g;
}

/// The clamped quotients of eight elements rounded by `rounding`, as integers. ORs `x - x` into
/// `*bad`: +0 for every finite `x`, NaN for NaN and ±infinity.
///
/// The clamp uses `max`/`min`, which equal Swift's compare-and-select for every ordered value;
/// they differ only for NaN, whose codes are discarded. `cvtps` rounds half to even in the
/// default MXCSR mode, which the engine assumes throughout.
CQ_INLINE CQ_AVX2 __m256i cq_levels(const float *x, cq_vgrid g, int rounding, __m256 *bad) {
    __m256 v = _mm256_loadu_ps(x);
    *bad = _mm256_or_ps(*bad, _mm256_sub_ps(v, v));
    v = _mm256_div_ps(v, g.scale);  // a true division, as ONNX QuantizeLinear
    v = _mm256_min_ps(_mm256_max_ps(v, g.lower), g.upper);
    switch (rounding) {
    case CQ_ROUND_NEAREST_EVEN:
        return _mm256_cvtps_epi32(v);
    case CQ_ROUND_TOWARD_ZERO:
        return _mm256_cvttps_epi32(v);
    case CQ_ROUND_DOWN:
        return _mm256_cvtps_epi32(_mm256_round_ps(v, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC));
    case CQ_ROUND_UP:
        return _mm256_cvtps_epi32(_mm256_round_ps(v, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC));
    default: {
        // Half away from zero: truncate, then step away when the (exact) fraction is >= 1/2.
        __m256i t = _mm256_cvttps_epi32(v);
        __m256 f = _mm256_sub_ps(v, _mm256_cvtepi32_ps(t));
        __m256i up = _mm256_castps_si256(_mm256_cmp_ps(f, _mm256_set1_ps(0.5f), _CMP_GE_OQ));
        __m256i down = _mm256_castps_si256(_mm256_cmp_ps(f, _mm256_set1_ps(-0.5f), _CMP_LE_OQ));
        return _mm256_add_epi32(_mm256_sub_epi32(t, up), down);
    }
    }
}

/// Stores 32 codes that already lie in the range of the code type (so saturating packs are
/// plain truncations). The packs work per 128-bit lane; the permutes restore element order.
CQ_INLINE CQ_AVX2 void cq_store_codes(void *q, __m256i r0, __m256i r1, __m256i r2, __m256i r3, int kind) {
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    __m256i a, b;
    switch (kind) {
    case CQ_S8:
    case CQ_U8:
        a = _mm256_packs_epi32(r0, r1);
        b = _mm256_packs_epi32(r2, r3);
        a = kind == CQ_S8 ? _mm256_packs_epi16(a, b) : _mm256_packus_epi16(a, b);
        _mm256_storeu_si256((__m256i *)q, _mm256_permutevar8x32_epi32(a, order));
        break;
    default:
        a = kind == CQ_S16 ? _mm256_packs_epi32(r0, r1) : _mm256_packus_epi32(r0, r1);
        b = kind == CQ_S16 ? _mm256_packs_epi32(r2, r3) : _mm256_packus_epi32(r2, r3);
        _mm256_storeu_si256((__m256i *)q, _mm256_permute4x64_epi64(a, 0xD8));
        _mm256_storeu_si256((__m256i *)q + 1, _mm256_permute4x64_epi64(b, 0xD8));
        break;
    }
}

CQ_INLINE CQ_AVX2 void cq_quantize_step(const float *x, void *q, cq_vgrid g, int rounding, int kind, __m256 *bad) {
    __m256i r0 = _mm256_add_epi32(cq_levels(x, g, rounding, bad), g.zero_point);
    __m256i r1 = _mm256_add_epi32(cq_levels(x + 8, g, rounding, bad), g.zero_point);
    __m256i r2 = _mm256_add_epi32(cq_levels(x + 16, g, rounding, bad), g.zero_point);
    __m256i r3 = _mm256_add_epi32(cq_levels(x + 24, g, rounding, bad), g.zero_point);
    cq_store_codes(q, r0, r1, r2, r3, kind);
}

CQ_INLINE CQ_AVX2 int cq_any_bits(__m256 bad) {
    __m256i b = _mm256_castps_si256(bad);
    return !_mm256_testz_si256(b, b);
}

/// The loop for one code type and rounding rule. The last `n % 32` elements go through the same
/// vector code on a zero-padded copy, so every element is computed the same way.
CQ_INLINE CQ_AVX2 int cq_quantize(const float *x, void *q, size_t n, const cq_grid *grid, int rounding, int kind) {
    const size_t width = kind == CQ_S8 || kind == CQ_U8 ? 1 : 2;
    cq_vgrid g = cq_broadcast(grid);
    __m256 bad = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + CQ_STEP <= n; i += CQ_STEP) {
        CQ_PREFETCH(x + i);
        CQ_PREFETCH(x + i + 16);
        cq_quantize_step(x + i, (char *)q + i * width, g, rounding, kind, &bad);
    }
    if (i < n) {
        float tail[CQ_STEP] = {0};
        int16_t codes[CQ_STEP];
        memcpy(tail, x + i, (n - i) * sizeof(float));
        cq_quantize_step(tail, codes, g, rounding, kind, &bad);
        memcpy((char *)q + i * width, codes, (n - i) * width);
    }
    return cq_any_bits(bad);
}

/// One specialised loop per rounding rule.
CQ_INLINE CQ_AVX2 int cq_quantize_any(const float *x, void *q, size_t n, const cq_grid *grid, int kind) {
    switch (grid->rounding) {
    case CQ_ROUND_NEAREST_EVEN: return cq_quantize(x, q, n, grid, CQ_ROUND_NEAREST_EVEN, kind);
    case CQ_ROUND_NEAREST_AWAY: return cq_quantize(x, q, n, grid, CQ_ROUND_NEAREST_AWAY, kind);
    case CQ_ROUND_TOWARD_ZERO: return cq_quantize(x, q, n, grid, CQ_ROUND_TOWARD_ZERO, kind);
    case CQ_ROUND_DOWN: return cq_quantize(x, q, n, grid, CQ_ROUND_DOWN, kind);
    default: return cq_quantize(x, q, n, grid, CQ_ROUND_UP, kind);
    }
}

CQ_AVX2 int cq_quantize_s8_avx2(const float *x, int8_t *q, size_t n, const cq_grid *grid) {
    return cq_quantize_any(x, q, n, grid, CQ_S8);
}

CQ_AVX2 int cq_quantize_u8_avx2(const float *x, uint8_t *q, size_t n, const cq_grid *grid) {
    return cq_quantize_any(x, q, n, grid, CQ_U8);
}

CQ_AVX2 int cq_quantize_s16_avx2(const float *x, int16_t *q, size_t n, const cq_grid *grid) {
    return cq_quantize_any(x, q, n, grid, CQ_S16);
}

CQ_AVX2 int cq_quantize_u16_avx2(const float *x, uint16_t *q, size_t n, const cq_grid *grid) {
    return cq_quantize_any(x, q, n, grid, CQ_U16);
}

/// Eight fake-quantized values: the level converted back through the integer (so a zero is +0),
/// times the scale.
CQ_INLINE CQ_AVX2 void cq_fake_step(const float *x, float *y, cq_vgrid g, int rounding, __m256 *bad) {
    for (int k = 0; k < CQ_STEP; k += 8) {
        __m256i level = cq_levels(x + k, g, rounding, bad);
        _mm256_storeu_ps(y + k, _mm256_mul_ps(_mm256_cvtepi32_ps(level), g.scale));
    }
}

CQ_INLINE CQ_AVX2 int cq_fake_quantize(const float *x, float *y, size_t n, const cq_grid *grid, int rounding) {
    cq_vgrid g = cq_broadcast(grid);
    __m256 bad = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + CQ_STEP <= n; i += CQ_STEP) {
        CQ_PREFETCH(x + i);
        CQ_PREFETCH(x + i + 16);
        cq_fake_step(x + i, y + i, g, rounding, &bad);
    }
    if (i < n) {
        float tail[CQ_STEP] = {0};
        float values[CQ_STEP];
        memcpy(tail, x + i, (n - i) * sizeof(float));
        cq_fake_step(tail, values, g, rounding, &bad);
        memcpy(y + i, values, (n - i) * sizeof(float));
    }
    return cq_any_bits(bad);
}

CQ_AVX2 int cq_fake_quantize_avx2(const float *x, float *y, size_t n, const cq_grid *grid) {
    switch (grid->rounding) {
    case CQ_ROUND_NEAREST_EVEN: return cq_fake_quantize(x, y, n, grid, CQ_ROUND_NEAREST_EVEN);
    case CQ_ROUND_NEAREST_AWAY: return cq_fake_quantize(x, y, n, grid, CQ_ROUND_NEAREST_AWAY);
    case CQ_ROUND_TOWARD_ZERO: return cq_fake_quantize(x, y, n, grid, CQ_ROUND_TOWARD_ZERO);
    case CQ_ROUND_DOWN: return cq_fake_quantize(x, y, n, grid, CQ_ROUND_DOWN);
    default: return cq_fake_quantize(x, y, n, grid, CQ_ROUND_UP);
    }
}

/// Eight codes widened to Int32.
CQ_INLINE CQ_AVX2 __m256i cq_load_codes(const void *q, int kind) {
    switch (kind) {
    case CQ_S8: return _mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)q));
    case CQ_U8: return _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)q));
    case CQ_S16: return _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)q));
    default: return _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)q));
    }
}

CQ_INLINE CQ_AVX2 void cq_dequantize_step(const void *q, float *y, __m256 scale, __m256i zero_point, int kind) {
    const size_t width = kind == CQ_S8 || kind == CQ_U8 ? 1 : 2;
    for (int k = 0; k < CQ_STEP; k += 8) {
        __m256i level = _mm256_sub_epi32(cq_load_codes((const char *)q + k * width, kind), zero_point);
        _mm256_storeu_ps(y + k, _mm256_mul_ps(_mm256_cvtepi32_ps(level), scale));
    }
}

CQ_INLINE CQ_AVX2 void cq_dequantize(const void *q, float *y, size_t n, float scale, int32_t zero_point, int kind) {
    const size_t width = kind == CQ_S8 || kind == CQ_U8 ? 1 : 2;
    __m256 s = _mm256_set1_ps(scale);
    __m256i z = _mm256_set1_epi32(zero_point);
    size_t i = 0;
    for (; i + CQ_STEP <= n; i += CQ_STEP) {
        cq_dequantize_step((const char *)q + i * width, y + i, s, z, kind);
    }
    if (i < n) {
        int16_t codes[CQ_STEP] = {0};
        float values[CQ_STEP];
        memcpy(codes, (const char *)q + i * width, (n - i) * width);
        cq_dequantize_step(codes, values, s, z, kind);
        memcpy(y + i, values, (n - i) * sizeof(float));
    }
}

CQ_AVX2 void cq_dequantize_s8_avx2(const int8_t *q, float *y, size_t n, float scale, int32_t zero_point) {
    cq_dequantize(q, y, n, scale, zero_point, CQ_S8);
}

CQ_AVX2 void cq_dequantize_u8_avx2(const uint8_t *q, float *y, size_t n, float scale, int32_t zero_point) {
    cq_dequantize(q, y, n, scale, zero_point, CQ_U8);
}

CQ_AVX2 void cq_dequantize_s16_avx2(const int16_t *q, float *y, size_t n, float scale, int32_t zero_point) {
    cq_dequantize(q, y, n, scale, zero_point, CQ_S16);
}

CQ_AVX2 void cq_dequantize_u16_avx2(const uint16_t *q, float *y, size_t n, float scale, int32_t zero_point) {
    cq_dequantize(q, y, n, scale, zero_point, CQ_U16);
}

CQ_AVX2 void cq_range_scan_avx2(const float *x, size_t n, float *min, float *max, int *has_nan) {
    __m256 lo0 = _mm256_set1_ps(__builtin_inff()), hi0 = _mm256_set1_ps(-__builtin_inff());
    __m256 lo1 = lo0, hi1 = hi0, nan = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 a = _mm256_loadu_ps(x + i), b = _mm256_loadu_ps(x + i + 8);
        // minps(a, lo) is `a < lo ? a : lo`: a NaN is never selected, exactly as Swift's select.
        lo0 = _mm256_min_ps(a, lo0);
        hi0 = _mm256_max_ps(a, hi0);
        lo1 = _mm256_min_ps(b, lo1);
        hi1 = _mm256_max_ps(b, hi1);
        nan = _mm256_or_ps(nan, _mm256_or_ps(_mm256_cmp_ps(a, a, _CMP_UNORD_Q), _mm256_cmp_ps(b, b, _CMP_UNORD_Q)));
    }
    lo0 = _mm256_min_ps(lo1, lo0);
    hi0 = _mm256_max_ps(hi1, hi0);
    float los[8], his[8];
    _mm256_storeu_ps(los, lo0);
    _mm256_storeu_ps(his, hi0);
    // SIMD8<Float>.min()/max(): lanes folded in order with Float.minimum/maximum (no NaN here).
    float lo = los[0], hi = his[0];
    for (int k = 1; k < 8; k++) {
        lo = lo <= los[k] ? lo : los[k];
        hi = hi > his[k] ? hi : his[k];
    }
    int seen = _mm256_movemask_ps(nan) != 0;
    for (; i < n; i++) {
        float a = x[i];
        lo = a < lo ? a : lo;
        hi = a > hi ? a : hi;
        seen |= a != a;
    }
    *min = lo;
    *max = hi;
    *has_nan = seen;
}

/// Eight FP8 codes (in the low byte of each lane) of the quotients `x / scale`, following
/// `FP8.encodeE4M3FN` / `FP8.encodeE5M2` step by step: the normal range by integer rounding of
/// the rebased bits, the subnormal range by one float addition, then overflow and NaN codes.
CQ_INLINE CQ_AVX2 __m256i cq_fp8_lanes(const float *x, __m256 scale, int e5m2, int saturate) {
    const int shift = e5m2 ? 21 : 20;
    __m256i bits = _mm256_castps_si256(_mm256_div_ps(_mm256_loadu_ps(x), scale));
    __m256i sign = _mm256_and_si256(_mm256_srli_epi32(bits, 24), _mm256_set1_epi32(0x80));
    __m256i mag = _mm256_and_si256(bits, _mm256_set1_epi32(0x7FFFFFFF));
    __m256i rebased = _mm256_sub_epi32(mag, _mm256_set1_epi32((e5m2 ? 112 : 120) << 23));
    __m256i odd = _mm256_and_si256(_mm256_srli_epi32(rebased, shift), _mm256_set1_epi32(1));
    __m256i half = _mm256_set1_epi32(e5m2 ? 0xFFFFF : 0x7FFFF);
    __m256i normal = _mm256_srli_epi32(_mm256_add_epi32(_mm256_add_epi32(rebased, half), odd), shift);
    __m256 magic = _mm256_set1_ps(e5m2 ? 0x1p7f : 0x1p14f);
    __m256i sub = _mm256_sub_epi32(
        _mm256_castps_si256(_mm256_add_ps(_mm256_castsi256_ps(mag), magic)), _mm256_castps_si256(magic));
    __m256i small = _mm256_cmpgt_epi32(_mm256_set1_epi32(e5m2 ? 0x38800000 : 0x3C800000), mag);
    __m256i code = _mm256_blendv_epi8(normal, sub, small);
    const int top = e5m2 ? 0x7B : 0x7E;
    __m256i overflow = _mm256_cmpgt_epi32(code, _mm256_set1_epi32(top));
    code = _mm256_blendv_epi8(code, _mm256_set1_epi32(saturate ? top : top + 1), overflow);
    __m256i nan = _mm256_cmpgt_epi32(mag, _mm256_set1_epi32(0x7F800000));
    code = _mm256_blendv_epi8(code, _mm256_set1_epi32(e5m2 ? 0x7E : 0x7F), nan);
    return _mm256_or_si256(sign, code);
}

CQ_INLINE CQ_AVX2 void cq_fp8_step(const float *x, uint8_t *q, __m256 scale, int e5m2, int saturate) {
    __m256i r0 = cq_fp8_lanes(x, scale, e5m2, saturate);
    __m256i r1 = cq_fp8_lanes(x + 8, scale, e5m2, saturate);
    __m256i r2 = cq_fp8_lanes(x + 16, scale, e5m2, saturate);
    __m256i r3 = cq_fp8_lanes(x + 24, scale, e5m2, saturate);
    cq_store_codes(q, r0, r1, r2, r3, CQ_U8);  // every lane is in 0...255
}

CQ_INLINE CQ_AVX2 void cq_fp8_encode(const float *x, uint8_t *q, size_t n, float scale, int e5m2, int saturate) {
    __m256 s = _mm256_set1_ps(scale);
    size_t i = 0;
    for (; i + CQ_STEP <= n; i += CQ_STEP) {
        CQ_PREFETCH(x + i);
        CQ_PREFETCH(x + i + 16);
        cq_fp8_step(x + i, q + i, s, e5m2, saturate);
    }
    if (i < n) {
        float tail[CQ_STEP] = {0};
        uint8_t codes[CQ_STEP];
        memcpy(tail, x + i, (n - i) * sizeof(float));
        cq_fp8_step(tail, codes, s, e5m2, saturate);
        memcpy(q + i, codes, n - i);
    }
}

CQ_AVX2 void cq_fp8_encode_avx2(const float *x, uint8_t *q, size_t n, float scale, int e5m2, int saturate) {
    if (e5m2) {
        if (saturate) cq_fp8_encode(x, q, n, scale, 1, 1);
        else cq_fp8_encode(x, q, n, scale, 1, 0);
    } else {
        if (saturate) cq_fp8_encode(x, q, n, scale, 0, 1);
        else cq_fp8_encode(x, q, n, scale, 0, 0);
    }
}


// MARK: ggml blocks

/// Packs the low bytes of 32 lanes (four vectors of eight `int32`, each in 0...255) into 32 bytes
/// in lane order.
CQ_INLINE CQ_AVX2 __m256i cq_pack_bytes(__m256i a, __m256i b, __m256i c, __m256i d) {
    __m256i ab = _mm256_packus_epi32(a, b);  // per 128-bit half: a0-3 b0-3 | a4-7 b4-7
    __m256i cd = _mm256_packus_epi32(c, d);
    __m256i bytes = _mm256_packus_epi16(ab, cd);  // a0-3 b0-3 c0-3 d0-3 | a4-7 b4-7 c4-7 d4-7
    return _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

/// The largest `|x|` of a block of 32 as a bit pattern (`>= 0x7F800000` for inf or NaN), and in
/// `*first` the index of its first occurrence.
CQ_INLINE CQ_AVX2 uint32_t cq_block_amax(const __m256 v[4], int *first) {
    const __m256i magnitude = _mm256_set1_epi32(0x7FFFFFFF);
    __m256i a[4], m;
    for (int k = 0; k < 4; k++) a[k] = _mm256_and_si256(_mm256_castps_si256(v[k]), magnitude);
    m = _mm256_max_epu32(_mm256_max_epu32(a[0], a[1]), _mm256_max_epu32(a[2], a[3]));
    m = _mm256_max_epu32(m, _mm256_permute2x128_si256(m, m, 1));
    m = _mm256_max_epu32(m, _mm256_shuffle_epi32(m, 0x4E));
    m = _mm256_max_epu32(m, _mm256_shuffle_epi32(m, 0xB1));
    uint32_t mask = 0;
    for (int k = 0; k < 4; k++) {
        mask |= (uint32_t)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(a[k], m))) << (8 * k);
    }
    *first = __builtin_ctz(mask);  // m is one of the lanes, so mask != 0
    return (uint32_t)_mm_cvtsi128_si32(_mm256_castsi256_si128(m));
}

/// Zero or a normal float: then `1 / d` is finite and every product below stays small.
CQ_INLINE int cq_fast_scale(float d) {
    float a = __builtin_fabsf(d);
    return d == 0 || (a >= 1.17549435e-38f && a <= 3.40282347e38f);
}

CQ_INLINE CQ_AVX2 void cq_store_half(float d, uint8_t *y) {
    uint16_t h = (uint16_t)_mm_extract_epi16(_mm_cvtps_ph(_mm_set_ss(d), _MM_FROUND_TO_NEAREST_INT), 0);
    memcpy(y, &h, 2);  // little endian, as ggml_half
}

CQ_AVX2 size_t cq_ggml_q8_0_avx2(const float *x, uint8_t *y, size_t blocks) {
    const __m256 half = _mm256_set1_ps(0.5f), one = _mm256_set1_ps(1.0f);
    const __m256 sign = _mm256_set1_ps(-0.0f);
    for (size_t b = 0; b < blocks; b++, x += 32, y += 34) {
        __m256 v[4];
        for (int k = 0; k < 4; k++) v[k] = _mm256_loadu_ps(x + 8 * k);
        int first;
        uint32_t amax_bits = cq_block_amax(v, &first);
        float amax;
        memcpy(&amax, &amax_bits, 4);
        float d = amax / 127;
        if (amax_bits >= 0x7F800000u || !cq_fast_scale(d)) return b;
        float id = d != 0 ? 1 / d : 0;
        cq_store_half(d, y);
        __m256 vid = _mm256_set1_ps(id);
        __m256i q[4];
        for (int k = 0; k < 4; k++) {
            // roundf: |p| = t + f with t = trunc(|p|) and f exact; add one when f >= 0.5.
            __m256 p = _mm256_mul_ps(v[k], vid);
            __m256 a = _mm256_andnot_ps(sign, p);
            __m256 t = _mm256_round_ps(a, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
            t = _mm256_add_ps(t, _mm256_and_ps(_mm256_cmp_ps(_mm256_sub_ps(a, t), half, _CMP_GE_OQ), one));
            __m256i r = _mm256_cvttps_epi32(_mm256_or_ps(t, _mm256_and_ps(sign, p)));
            q[k] = _mm256_and_si256(r, _mm256_set1_epi32(0xFF));  // the int8 byte
        }
        _mm256_storeu_si256((__m256i *)(y + 2), cq_pack_bytes(q[0], q[1], q[2], q[3]));
    }
    return blocks;
}

CQ_AVX2 size_t cq_ggml_q4_0_avx2(const float *x, uint8_t *y, size_t blocks) {
    const __m256 bias = _mm256_set1_ps(8.5f);
    const __m256i fifteen = _mm256_set1_epi32(15);
    for (size_t b = 0; b < blocks; b++, x += 32, y += 18) {
        __m256 v[4];
        for (int k = 0; k < 4; k++) v[k] = _mm256_loadu_ps(x + 8 * k);
        int first;
        uint32_t amax_bits = cq_block_amax(v, &first);
        if (amax_bits >= 0x7F800000u) return b;
        // C keeps the first value of largest magnitude (strict `<`), and 0.0f if all are zero.
        float max = amax_bits != 0 ? x[first] : 0.0f;
        float d = max / -8;
        if (!cq_fast_scale(d)) return b;
        float id = d != 0 ? 1 / d : 0;
        cq_store_half(d, y);
        __m256 vid = _mm256_set1_ps(id);
        __m256i q[4];
        for (int k = 0; k < 4; k++) {
            // x * id + 8.5 lies in (0, 17): truncation is C's (int8_t) cast; then MIN(15, .).
            __m256 p = _mm256_add_ps(_mm256_mul_ps(v[k], vid), bias);
            q[k] = _mm256_min_epi32(_mm256_cvttps_epi32(p), fifteen);
        }
        __m256i lo = cq_pack_bytes(q[0], q[1], _mm256_setzero_si256(), _mm256_setzero_si256());
        __m256i hi = cq_pack_bytes(q[2], q[3], _mm256_setzero_si256(), _mm256_setzero_si256());
        __m128i qs = _mm_or_si128(_mm256_castsi256_si128(lo), _mm_slli_epi16(_mm256_castsi256_si128(hi), 4));
        _mm_storeu_si128((__m128i *)(y + 2), qs);
    }
    return blocks;
}

#else

// Not x86-64: QuantEngine runs its portable Swift loops; these are never called.

int cq_avx2_available(void) { return 0; }

int cq_quantize_s8_avx2(const float *x, int8_t *q, size_t n, const cq_grid *grid) { return 1; }
int cq_quantize_u8_avx2(const float *x, uint8_t *q, size_t n, const cq_grid *grid) { return 1; }
int cq_quantize_s16_avx2(const float *x, int16_t *q, size_t n, const cq_grid *grid) { return 1; }
int cq_quantize_u16_avx2(const float *x, uint16_t *q, size_t n, const cq_grid *grid) { return 1; }
int cq_fake_quantize_avx2(const float *x, float *y, size_t n, const cq_grid *grid) { return 1; }
void cq_dequantize_s8_avx2(const int8_t *q, float *y, size_t n, float scale, int32_t zero_point) {}
void cq_dequantize_u8_avx2(const uint8_t *q, float *y, size_t n, float scale, int32_t zero_point) {}
void cq_dequantize_s16_avx2(const int16_t *q, float *y, size_t n, float scale, int32_t zero_point) {}
void cq_dequantize_u16_avx2(const uint16_t *q, float *y, size_t n, float scale, int32_t zero_point) {}
void cq_range_scan_avx2(const float *x, size_t n, float *min, float *max, int *has_nan) {}
void cq_fp8_encode_avx2(const float *x, uint8_t *q, size_t n, float scale, int e5m2, int saturate) {}
size_t cq_ggml_q8_0_avx2(const float *x, uint8_t *y, size_t blocks) { return 0; }
size_t cq_ggml_q4_0_avx2(const float *x, uint8_t *y, size_t blocks) { return 0; }

#endif
