var narrowRange = true
narrowRange.toggle()
narrowRange
