let net = mlp([64, 128, 10], seed: 0)
print(net.bytes, quantize(net, weights: .int8).bytes, quantize(net, weights: .int4).bytes)
