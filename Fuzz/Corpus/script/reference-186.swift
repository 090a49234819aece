"int8 int8".replacingOccurrences(of: "8", with: "4")
