var baseline = Table(["network", "data", "parameters", "bytes (float32)",
                      "test accuracy"])
let digitsMLPTest = evaluate(digitsMLP, on: d.test)
baseline.append(["MLP [2, 32, 32, 2]", "moons", net.parameterCount, net.bytes,
                 moonsTest.accuracy])
baseline.append(["MLP [64, 64, 10]", "digits", digitsMLP.parameterCount,
                 digitsMLP.bytes, digitsMLPTest.accuracy])
baseline.append(["CNN [8, 16]", "digits", conv.parameterCount, conv.bytes,
                 convTest.accuracy])
baseline
