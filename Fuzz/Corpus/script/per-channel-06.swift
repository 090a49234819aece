let ordinary = (0..<64).filter { rowScale[$0] == 1.0 }
let losses = ordinary.map { sqnrChannel[$0] - sqnrTensor[$0] }
let meanLoss = losses.reduce(0, +) / Double(losses.count)
