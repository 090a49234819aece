64 - 255.leadingZeroBitCount   // bits needed for 255
