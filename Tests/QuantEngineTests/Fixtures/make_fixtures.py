#!/usr/bin/env python3
"""Generate numpy reference fixtures for QuantEngineTests.

Run from anywhere:  python3 Tests/QuantEngineTests/Fixtures/make_fixtures.py
Writes numpy_reference.json next to this script. Deterministic: the inputs come from a seeded
numpy Generator (PCG64, seed 20240607) and every Float32 is stored as its IEEE bit pattern
(an unsigned 32-bit integer), so no decimal conversion can blur a last bit.

The quantization references are computed here the way ONNX Runtime's reference does it, in
float32: q = clip(rint(x / scale) + zero_point, qmin, qmax) with a true division and np.rint
(round half to even); parameters follow PyTorch's observer formulas in float32.
"""
import json
import pathlib

import numpy as np

F32 = np.float32
EPS = np.finfo(np.float32).eps  # 1.1920929e-07


def bits(array):
    """Float32 values as a list of their uint32 bit patterns."""
    return np.asarray(array, dtype=F32).ravel().view(np.uint32).tolist()


def bit(value):
    return int(np.asarray(value, dtype=F32).view(np.uint32))


def quantize(x, scale, zero_point, qmin, qmax):
    q = np.rint(x / F32(scale)) + F32(zero_point)  # float32 true division, half to even
    return np.clip(q, qmin, qmax).astype(np.int64)


def dequantize(q, scale, zero_point):
    return (q - zero_point).astype(F32) * F32(scale)


def symmetric_params(x, num_bits, narrow):
    qmax = 2 ** (num_bits - 1) - 1
    qmin = -qmax if narrow else -(2 ** (num_bits - 1))
    absmax = F32(np.max(np.abs(x)))
    divisor = F32(qmax) if narrow else F32(qmax - qmin) / F32(2)
    scale = max(F32(absmax / divisor), F32(EPS))
    return F32(scale), 0, qmin, qmax


def asymmetric_params(x, num_bits, signed):
    qmin, qmax = (-(2 ** (num_bits - 1)), 2 ** (num_bits - 1) - 1) if signed else (0, 2**num_bits - 1)
    min_neg = min(F32(np.min(x)), F32(0))
    max_pos = max(F32(np.max(x)), F32(0))
    scale = max(F32((max_pos - min_neg) / F32(qmax - qmin)), F32(EPS))
    zero_point = qmin - int(np.rint(F32(min_neg / scale)))  # torch.round: half to even
    zero_point = min(max(zero_point, qmin), qmax)
    return F32(scale), zero_point, qmin, qmax


def main():
    rng = np.random.default_rng(20240607)
    datasets = {
        "normal": rng.normal(0.0, 0.02, 400).astype(F32),
        "laplace": rng.laplace(0.0, 0.5, 400).astype(F32),
        "relu": np.maximum(rng.normal(0.3, 1.0, 400), 0).astype(F32),
        "shifted": rng.uniform(-0.4, 3.1, 400).astype(F32),
    }

    quantization_cases = []
    for name, x in datasets.items():
        for num_bits in (2, 4, 8, 16):
            for scheme, option in (("symmetric", True), ("symmetric", False),
                                   ("asymmetric", False), ("asymmetric", True)):
                if scheme == "symmetric":
                    scale, zp, qmin, qmax = symmetric_params(x, num_bits, option)
                else:
                    scale, zp, qmin, qmax = asymmetric_params(x, num_bits, option)
                q = quantize(x, scale, zp, qmin, qmax)
                quantization_cases.append({
                    "data": name, "bits": num_bits, "scheme": scheme,
                    "narrowRange": option if scheme == "symmetric" else False,
                    "signed": option if scheme == "asymmetric" else True,
                    "scale": bit(scale), "zeroPoint": zp, "qmin": qmin, "qmax": qmax,
                    "codes": q.tolist(),
                    "dequantized": bits(dequantize(q, scale, zp)) if num_bits == 8 else None,
                })

    # Explicit parameters with exact ties: x = (k + 1/2) · 0.25 makes x / 0.25 a tie.
    ties = ((np.arange(-40, 40, dtype=np.float64) + 0.5) * 0.25).astype(F32)
    explicit_cases = []
    for scale, zp, qmin, qmax in ((0.25, 3, 0, 15), (0.25, 0, -8, 7), (0.3, 0, -128, 127),
                                  (0.013, 131, 0, 255)):
        x = np.concatenate([ties, datasets["laplace"][:200] * F32(4), F32([-35.25])]).astype(F32)
        q = quantize(x, scale, zp, qmin, qmax)
        explicit_cases.append({"scale": bit(scale), "zeroPoint": zp, "qmin": qmin, "qmax": qmax,
                               "input": bits(x), "codes": q.tolist()})

    percentile_cases = []
    for name in ("normal", "laplace"):
        x = datasets[name][:257]
        for p in (0, 0.1, 1, 12.5, 25, 33.3, 50, 66.7, 75, 90, 99, 99.9, 99.99, 100):
            percentile_cases.append({"data": name, "count": 257, "p": p,
                                     "value": bit(np.percentile(x, p))})
    small = np.array([3.5, -1.25, 7, 0.5, 2, 2, -4, 11.75], dtype=F32)
    for p in (0, 10, 12.5, 37.5, 50, 62.5, 87.5, 95, 100):
        percentile_cases.append({"data": "small", "count": small.size, "p": p,
                                 "value": bit(np.percentile(small, p))})

    statistics = []
    for name, x in datasets.items():
        x64 = x.astype(np.float64)
        statistics.append({"data": name, "sum": float(np.sum(x64)), "mean": float(np.mean(x64)),
                           "std": float(np.std(x64)), "min": bit(np.min(x)),
                           "max": bit(np.max(x)), "absMax": bit(np.max(np.abs(x)))})

    linspace_cases = []
    for lo, hi, n in ((-4, 4, 101), (0, 1, 7), (-1e-3, 2.5, 33), (3, -2, 10), (0.1, 0.1, 5),
                      (1, 2, 1), (5, 6, 0)):
        linspace_cases.append({"lo": lo, "hi": hi, "count": n,
                               "values": bits(np.linspace(lo, hi, n).astype(F32))})
    arange_cases = []
    for start, stop, step in ((0, 10, 1), (0.1, 1.0, 0.2), (-1, 1, 0.1), (5, -5, -0.75),
                              (0, 1, 3), (2, 1, 1)):
        arange_cases.append({"start": start, "stop": stop, "step": step,
                             "values": bits(np.arange(start, stop, step).astype(F32))})

    fixture = {
        "generator": "make_fixtures.py, numpy " + np.__version__,
        "datasets": {name: bits(x) for name, x in datasets.items()},
        "quantization": quantization_cases,
        "explicit": explicit_cases,
        "percentiles": percentile_cases,
        "smallPercentileData": bits(small),
        "statistics": statistics,
        "linspace": linspace_cases,
        "arange": arange_cases,
    }
    path = pathlib.Path(__file__).with_name("numpy_reference.json")
    path.write_text(json.dumps(fixture, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
