"a.b.c".lastIndex(of: ".")
