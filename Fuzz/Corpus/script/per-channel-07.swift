var table = Table(["granularity", "scales", "bytes", "bits per weight", "SQNR (dB)"])
for (name, g) in [("per tensor", Granularity.perTensor), ("per channel", .perChannel(axis: 0)),
                  ("per group of 128", .perGroup(size: 128)), ("per group of 32", .perGroup(size: 32))] {
    let q = quantize(w, bits: 4, granularity: g)
    table.append([name, q.scales.count, q.bytes, 8.0 * Double(q.bytes) / Double(w.count), evaluate(w, q).sqnr])
}
table
