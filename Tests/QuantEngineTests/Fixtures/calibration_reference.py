#!/usr/bin/env python3
"""Reference clipping thresholds for the `.mse` and `.entropy` range methods.

Run from anywhere:  python3 Tests/QuantEngineTests/Fixtures/calibration_reference.py
Writes calibration_reference.json next to this script. Needs numpy only.

The two functions below are NVIDIA pytorch-quantization's `_compute_amax_entropy` and
`_compute_amax_mse` (tools/pytorch-quantization/pytorch_quantization/calib/histogram.py in
NVIDIA/TensorRT) with torch removed and everything in float64: scipy.stats.entropy is written
out (normalise both distributions, sum p·log(p/q)), and `fake_tensor_quant` is its formula
`clamp(round(x · bound/amax), min_bound, bound) / (bound/amax)` with numpy's half-to-even round.
The histogram is numpy.histogram(|x|, bins=2048, range=(0, max|x|)), as `calibrate_weights` does.

The data needs no storage: with v = 2·((7919·k) mod 20011)/20011 − 1 for k = 0 … 19999, x_k is
v·v·v — a peaked core in [−1, 1] — except that every 997th value is the outlier 8·v; computed
in float64 and rounded to float32, plain IEEE arithmetic that Swift reproduces bit for bit.
"""
import json
import pathlib
from collections import Counter

import numpy as np


def data(count=20000):
    k = np.arange(count, dtype=np.int64)
    u = ((k * 7919) % 20011).astype(np.float64) / 20011.0
    v = 2.0 * u - 1.0
    return np.where(k % 997 == 0, 8.0 * v, v * v * v).astype(np.float32)


def entropy(pk, qk):
    pk = pk / np.sum(pk)
    qk = qk / np.sum(qk)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(pk > 0, np.where(qk > 0, pk * np.log(pk / qk), np.inf), 0.0)
    return float(np.sum(terms))


def amax_entropy(calib_hist, calib_bin_edges, num_bits, unsigned, stride=1, start_bin=128):
    bins = calib_hist.astype(np.float64).copy()
    bins[0] = bins[1]
    total_data = np.sum(bins)
    divergences = []
    nbins = 1 << (num_bits - 1 + int(unsigned))
    new_density_counts = np.zeros(nbins, dtype=np.float64)
    for i in range(start_bin, len(bins) + 1, stride):
        new_density_counts.fill(0)
        space = np.linspace(0, i, num=nbins + 1)
        digitized_space = np.digitize(range(i), space) - 1
        digitized_space[bins[:i] == 0] = -1
        for idx, digitized in enumerate(digitized_space):
            if digitized != -1:
                new_density_counts[digitized] += bins[idx]
        counter = Counter(digitized_space)
        for key, val in counter.items():
            if key != -1:
                new_density_counts[key] = new_density_counts[key] / val
        new_density = np.zeros(i, dtype=np.float64)
        for idx, digitized in enumerate(digitized_space):
            if digitized != -1:
                new_density[idx] = new_density_counts[digitized]
        reference_density = np.array(bins[: len(digitized_space)])
        reference_density[-1] += np.sum(bins[i:])
        assert round(np.sum(reference_density)) == total_data
        divergences.append(entropy(reference_density, new_density))
    divergences = np.array(divergences)
    last_argmin = len(divergences) - 1 - np.argmin(divergences[::-1])
    return float(calib_bin_edges[last_argmin * stride + start_bin])


def amax_mse(calib_hist, calib_bin_edges, num_bits, unsigned, stride=1, start_bin=128):
    counts = calib_hist.astype(np.float64)
    edges = calib_bin_edges.astype(np.float64)
    centers = (edges[1:] + edges[:-1]) / 2
    bound = 2.0 ** (num_bits - 1 + int(unsigned)) - 1.0
    min_bound = 0.0 if unsigned else -bound
    mses = []
    arguments = []
    for i in range(start_bin, len(centers), stride):
        amax = centers[i]
        scale = bound / amax
        quant_centers = np.clip(np.round(centers * scale), min_bound, bound) / scale
        mses.append(((quant_centers - centers) ** 2 * counts).mean())
        arguments.append(i)
    return float(centers[arguments[int(np.argmin(mses))]])


def main():
    x = data()
    cases = []
    for name, values, bits, unsigned in [
        ("signed", x, 8, False),
        ("signed", x, 4, False),
        ("relu", np.maximum(x, np.float32(0)), 8, True),
    ]:
        magnitudes = np.abs(values.astype(np.float64))
        hist, edges = np.histogram(magnitudes, bins=2048, range=(0, magnitudes.max()))
        cases.append({
            "data": name, "bits": bits, "unsigned": unsigned,
            "entropy": amax_entropy(hist, edges, bits, unsigned),
            "mse": amax_mse(hist, edges, bits, unsigned),
            "histogram": hist[:16].tolist(),
        })
    path = pathlib.Path(__file__).with_name("calibration_reference.json")
    path.write_text(json.dumps({"numpy": np.__version__, "cases": cases}, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
