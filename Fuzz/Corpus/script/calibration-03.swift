let spread8 = sqnr8.values.max()! - sqnr8.values.min()!
let mseGain4 = sqnr4["MSE"]! - sqnr4["min/max"]!
let entropyGain4 = sqnr4["entropy (KL)"]! - sqnr4["min/max"]!
let clippedByMSE = Int((clipped4["MSE"]! * Double(x.count)).rounded())
let clippedByEntropy = Int((clipped4["entropy (KL)"]! * Double(x.count)).rounded())
