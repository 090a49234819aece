[2, 4, 8].map { 1 << $0 }   // levels per bit width
