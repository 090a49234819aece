let free = evaluate(data, quantize(data, bits: 8, scheme: .symmetric)).sqnr
let power = evaluate(data, auto).sqnr
print("free scale:", free, "dB  power of two:", power, "dB  cost:", free - power, "dB")
