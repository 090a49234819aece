"e4m3".forEach { print($0, terminator: ".") }
