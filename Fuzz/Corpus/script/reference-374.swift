let w = tensor([-0.5, 1.0, 2.0])
for scheme: Scheme in [.symmetric, .asymmetric, .powerOfTwo] {
    let q = quantize(w, bits: 8, scheme: scheme)
    print(scheme, q.values, q.scale, q.zeroPoint)
}
