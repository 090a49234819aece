Float.pi - Double.pi   // what Float32 rounding costs
