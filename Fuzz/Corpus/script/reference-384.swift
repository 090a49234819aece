(0..<8).map { _ in Bool.random() }
