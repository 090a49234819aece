let d = digitParts.standardized()
let pixels = digitParts.train.features.reshaped([-1, 64]).transposed()
let constant = (0..<64).filter { pixels[$0].std() == 0 }
print("pixels constant over the training images:", constant, "of 0…63")
