var sweep = Table(["bits", "per tensor", "per channel", "bytes"])
let bitWidths = [8, 6, 5, 4, 3, 2]
var perTensorAccuracy: [Double] = []
var perChannelAccuracy: [Double] = []
var changedAt4 = 0
for bits in bitWidths {
    let tensorWise = evaluate(quantize(net, bits: bits, granularity: .perTensor), on: data.test).accuracy
    let channelNet = quantize(net, bits: bits)
    let channelWise = evaluate(channelNet, on: data.test).accuracy
    perTensorAccuracy.append(tensorWise)
    perChannelAccuracy.append(channelWise)
    sweep.append([bits, tensorWise, channelWise, channelNet.bytes])
    if bits == 4 {
        let agreement = compare(net, channelNet, on: data.test).agreement
        changedAt4 = Int(((1 - agreement) * Double(data.test.count)).rounded())
    }
}
sweep
