plot(transfer(quantize(tensor([-1, 1]), bits: 2)), title: "2-bit symmetric quantizer")
