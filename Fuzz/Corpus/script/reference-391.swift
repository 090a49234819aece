Double.ulpOfOne == 1.0.ulp
