let w = tensor([[0.01, -0.02, 0.015, 0.005], [1.0, -2.0, 0.5, 0.25]])
for g: Granularity in [.perTensor, .perChannel(axis: 0), .perGroup(size: 2)] {
    let q = quantize(w, bits: 4, granularity: g)
    print(g, q.scales.count, evaluate(w[0], dequantize(q)[0]).sqnr)   // SQNR of the small row
}
