#!/usr/bin/env python3
"""Independent reference outputs for RandomTests: SplitMix64 and xoshiro256** transcribed from
the authors' C code (https://prng.di.unimi.it/splitmix64.c and xoshiro256starstar.c), using
Python's arbitrary-precision integers masked to 64 bits. Run it and compare with the literals
in Random/RandomTests.swift:  python3 Tests/QuantEngineTests/Fixtures/xoshiro_reference.py
"""
MASK = (1 << 64) - 1


def splitmix64(seed):
    x = seed
    while True:
        x = (x + 0x9E3779B97F4A7C15) & MASK
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro256starstar(state):
    s = list(state)
    while True:
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


def seeded(seed):
    g = splitmix64(seed)
    return xoshiro256starstar([next(g) for _ in range(4)])


def first(generator, n):
    return [next(generator) for _ in range(n)]


if __name__ == "__main__":
    print("SplitMix64(1234567):", first(splitmix64(1234567), 5))
    print("SplitMix64(0) first:", hex(first(splitmix64(0), 1)[0]))
    print("xoshiro256** state (1, 2, 3, 4):", first(xoshiro256starstar((1, 2, 3, 4)), 6))
    print("xoshiro256** seed 42:", first(seeded(42), 6))
    print("xoshiro256** seed 0 first:", first(seeded(0), 1))
