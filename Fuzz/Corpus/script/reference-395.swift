Float.ulpOfOne   // the smallest scale quantize allows
