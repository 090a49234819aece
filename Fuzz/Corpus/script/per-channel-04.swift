let perChannel = quantize(w, bits: 8, granularity: .perChannel(axis: 0))
perChannel
