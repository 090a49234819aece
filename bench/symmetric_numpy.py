#!/usr/bin/env python3
"""The computations of notebooks/symmetric.md in numpy, for bench/run-notebook.py.

Same tensor sizes and operations (ONNX-style symmetric quantization with a true division and
round-half-to-even, asymmetric quantization, error metrics); numpy's own generator stands in for
qnb's, so the numbers differ but the work is the same.
"""
import numpy as np


def quantize_symmetric(x, bits):
    qmax = 2 ** (bits - 1) - 1
    scale = np.float32(max(np.abs(x).max() / qmax, np.finfo(np.float32).eps))
    q = np.clip(np.rint(x / scale), -qmax, qmax).astype(np.int32)
    return q, scale


def quantize_asymmetric(x, bits):
    qmin, qmax = 0, 2 ** bits - 1
    lo, hi = min(float(x.min()), 0.0), max(float(x.max()), 0.0)
    scale = np.float32(max((hi - lo) / (qmax - qmin), np.finfo(np.float32).eps))
    zero_point = int(np.clip(qmin - np.rint(lo / scale), qmin, qmax))
    q = np.clip(np.rint(x / scale) + zero_point, qmin, qmax).astype(np.int32)
    return q, scale, zero_point


def evaluate(x, y):
    x = x.astype(np.float64)
    y = y.astype(np.float64)
    e = x - y
    mse = np.mean(e * e)
    noise = np.sum(e * e)
    return {
        "mse": mse, "rmse": np.sqrt(mse), "mae": np.mean(np.abs(e)), "max": np.abs(e).max(),
        "sqnr": 10 * np.log10(np.sum(x * x) / noise) if noise > 0 else np.inf,
        "cosine": np.dot(x.ravel(), y.ravel()) / (np.linalg.norm(x) * np.linalg.norm(y)),
    }


def main():
    rng = np.random.default_rng(7)
    x = np.array([0.5, -1.2, 3.1, -2.4, 0.05], dtype=np.float32)
    q, s = quantize_symmetric(x, 8)
    print(q, s, q * s - x)
    print(np.rint(np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5], dtype=np.float32)))
    w = rng.normal(0, 0.02, size=(512, 512)).astype(np.float32)
    print(w.min(), w.max(), w.mean(), w.std())
    for bits in range(8, 1, -1):
        q, s = quantize_symmetric(w, bits)
        print(bits, s, evaluate(w, q * s))
    heavy = rng.laplace(0, 0.02 / np.sqrt(2), size=(512, 512)).astype(np.float32)
    for bits in (8, 6, 4):
        q1, s1 = quantize_symmetric(w, bits)
        q2, s2 = quantize_symmetric(heavy, bits)
        print(bits, evaluate(w, q1 * s1)["sqnr"], evaluate(heavy, q2 * s2)["sqnr"])
    a = rng.uniform(0, 6, size=4096).astype(np.float32)
    qs, ss = quantize_symmetric(a, 8)
    qa, sa, za = quantize_asymmetric(a, 8)
    print(evaluate(a, qs * ss)["sqnr"], evaluate(a, (qa - za) * sa)["sqnr"])


if __name__ == "__main__":
    main()
