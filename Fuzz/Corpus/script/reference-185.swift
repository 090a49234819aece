"a,,b".components(separatedBy: ",")
