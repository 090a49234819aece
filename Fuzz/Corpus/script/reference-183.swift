"w_int8.npy".hasSuffix(".npy")
