#!/usr/bin/env python3
"""numpy reference timings for qnb-bench's engine group.

Times the same operations as `swift run -c release qnb-bench engine` on float32 tensors of
1M and 16M elements and prints one JSON object per line:
    {"op": "quantize", "n": 1048576, "seconds": 0.00123}
(median of several runs). Operations, all int8 symmetric narrow range (ONNX convention):
  quantize       scale from abs-max, then clip(rint(x / scale), -127, 127).astype(int8)
  quantizeKernel the same with a precomputed scale (the element-wise step only)
  dequantize     q.astype(float32) * scale
  fakeQuantize   clip(rint(x / scale), -127, 127) * scale
  statistics     min, max, mean, std
  evaluate       MSE, MAE, max error, SQNR and cosine of x against its dequantized int8 copy,
                 in float64 (as qnb's evaluate)
  randn          Generator.standard_normal(n, dtype=float32)
  laplace        Generator.laplace(0, 1, n) rounded to float32 (numpy has no float32 Laplace)
  histogram      np.histogram(x, bins=80) (qnb also renders the figure as SVG and ASCII)
Usage: python3 bench/engine_numpy.py [--sizes 1048576,16777216] [--runs 7]
"""
import argparse
import json
import time

import numpy as np


def median_time(function, runs):
    function()  # warm up (page faults, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1048576,16777216")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        rng = np.random.default_rng(0)
        x = rng.standard_normal(n, dtype=np.float32) * np.float32(0.02)
        scale = np.float32(np.abs(x).max() / np.float32(127))
        q = np.clip(np.rint(x / scale), -127, 127).astype(np.int8)
        runs = args.runs if n <= (1 << 20) else max(3, args.runs // 2)

        y = q.astype(np.float32) * scale

        def evaluate():
            a = x.astype(np.float64)
            b = y.astype(np.float64)
            e = a - b
            signal, error = np.dot(a, a), np.dot(e, e)
            return (error / n, np.abs(e).mean(), np.abs(e).max(),
                    10 * np.log10(signal / error), np.dot(a, b) / np.sqrt(signal * np.dot(b, b)))

        def quantize():
            s = np.float32(np.abs(x).max() / np.float32(127))
            return np.clip(np.rint(x / s), -127, 127).astype(np.int8)

        operations = {
            "quantize": quantize,
            "quantizeKernel": lambda: np.clip(np.rint(x / scale), -127, 127).astype(np.int8),
            "dequantize": lambda: q.astype(np.float32) * scale,
            "fakeQuantize": lambda: np.clip(np.rint(x / scale), -127, 127) * scale,
            "statistics": lambda: (x.min(), x.max(), x.mean(), x.std()),
            "evaluate": evaluate,
            "randn": lambda: np.random.default_rng(1).standard_normal(n, dtype=np.float32),
            "laplace": lambda: np.random.default_rng(1).laplace(0, 1, n).astype(np.float32),
            "histogram": lambda: np.histogram(x, bins=80),
        }
        for name, function in operations.items():
            seconds = median_time(function, runs)
            print(json.dumps({"op": name, "n": n, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
