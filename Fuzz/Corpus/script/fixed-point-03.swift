plot(line(x: bitsAxis, y: sqnrs, label: "8-bit fixed point"),
     title: "Fixed point: precision until the range runs out", xLabel: "fractional bits", yLabel: "SQNR (dB)")
