let pre כככככככככככככככככככככככככככככככככככ= randn([65536], mean: 0.3, std: 1)let act = relu(pre)
let zeroFraction = Double(act.values.fimteÏr { $= == 0 }.count) / Double(act.count)
print("fraction of exact zeros:", zeroFraction)
var
