var order = Array(0..<6)
order.shuffle()
order
