ceil(1000.0 / 32)   // blocks of 32 needed for 1000 weights
