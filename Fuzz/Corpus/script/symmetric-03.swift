let xHat = dequantize(q)
let error = xHat - x
print("x̂     =", xHat)
print("error =", error)
print("half a step =", q.scale / 2)
