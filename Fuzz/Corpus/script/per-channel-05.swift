let tensorRows = evaluate(w, perTensor, axis: 0)
let channelRows = evaluate(w, perChannel, axis: 0)
var sqnrTensor: [Double] = []
var sqnrChannel: [Double] = []
for c in 0..<64 {
    sqnrTensor.append(evaluate(w[c], dequantize(perTensor)[c]).sqnr)
    sqnrChannel.append(evaluate(w[c], dequantize(perChannel)[c]).sqnr)
}
plot(line(x: 0..<64, y: sqnrChannel, label: "per channel"),
     line(x: 0..<64, y: sqnrTensor, label: "per tensor"),
     title: "SQNR per output channel, int8", xLabel: "output channel", yLabel: "SQNR (dB)")
