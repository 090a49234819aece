let e4m3 = quantize(w, format: .fp8e4m3)
let e5m2 = quantize(w, format: .fp8e5m2)
let e4m3SQNR = evaluate(w, e4m3).sqnr
let e5m2SQNR = evaluate(w, e5m2).sqnr
print("E4M3 scale:", e4m3.scales[0], " = max|w| / 448")
print("E4M3 SQNR:", e4m3SQNR, " E5M2 SQNR:", e5m2SQNR)
