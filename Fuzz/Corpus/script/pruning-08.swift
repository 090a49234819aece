// what the bitmask format saves on the 80 %-pruned network, against dense storage
let savedFloat = 1 - Double(bitmaskOf["80 % pruned"]!) / Double(net.bytes)
let savedInt4 = 1 - Double(bitmaskOf["80 % pruned, int4"]!) / Double(quantize(net, weights: .int4).bytes)
