quantize(tensor([1, 2]), format: .int4).bits
