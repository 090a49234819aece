print(Bool("true") ?? false, Bool("yes") == nil)
