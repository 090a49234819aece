#!/usr/bin/env python3
"""Times `qnb run` on a tutorial against the same lesson computed by a numpy script.

    python3 bench/run-notebook.py [--qnb .build/release/qnb] [--runs 21] [NOTEBOOK]

Both are measured in this run, as whole processes (start-up included), and the median, minimum
and ratio are printed. The numpy script (bench/symmetric_numpy.py) performs the lesson's
computations — the same tensors, quantizations and error sweeps — without rendering anything,
so the comparison favours numpy.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def time_command(command, runs, cwd):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - start)
        if completed.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{completed.stderr.decode()}")
    return samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook", nargs="?", default="notebooks/symmetric.md")
    parser.add_argument("--qnb", default=".build/release/qnb")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    qnb = os.path.abspath(os.path.join(ROOT, args.qnb))
    notebook = os.path.abspath(os.path.join(ROOT, args.notebook))
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "out")
        qnb_samples = time_command([qnb, "run", notebook, "--output-dir", out], args.runs, ROOT)
        numpy_samples = time_command(
            [sys.executable, os.path.join(HERE, "symmetric_numpy.py")], args.runs, ROOT)

    def row(name, samples):
        return f"{name:<28} median {statistics.median(samples) * 1e3:8.2f} ms   min {min(samples) * 1e3:8.2f} ms"

    print(f"{args.notebook}, {args.runs} runs each (whole process, wall clock)")
    print(row("qnb run", qnb_samples))
    print(row("numpy script (no page)", numpy_samples))
    ratio = statistics.median(numpy_samples) / statistics.median(qnb_samples)
    print(f"qnb is {ratio:.1f}x faster than the numpy script (medians)")


if __name__ == "__main__":
    main()
