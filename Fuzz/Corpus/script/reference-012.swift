log2(256.0)   // bits needed for 256 levels
