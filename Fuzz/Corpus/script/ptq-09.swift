var corrections = Table(["weight bits", "plain", "bias corrected"])
var plainAt: [Int: Double] = [:]
var correctedAt: [Int: Double] = [:]
for bits in [4, 3, 2] {
    let plain = quantize(net, bits: bits, granularity: .perTensor)
    let corrected = quantize(net, bits: bits, granularity: .perTensor, calibration: data.validation,
                             biasCorrection: true)
    plainAt[bits] = evaluate(plain, on: data.test).accuracy
    correctedAt[bits] = evaluate(corrected, on: data.test).accuracy
    corrections.append([bits, plainAt[bits]!, correctedAt[bits]!])
}
corrections
