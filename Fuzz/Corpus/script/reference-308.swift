let w = randn([4096], seed: 1)
(2...8).map { Int(evaluate(w, quantize(w, bits: $0)).sqnr.rounded()) }   // about 6 dB per bit
