"int".joined(separator: "-")
