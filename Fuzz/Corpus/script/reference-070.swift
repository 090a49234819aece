let x = linspace(-1, 1, count: 41)
plot(step(x: x, y: fakeQuantize(x, bits: 2), label: "2-bit"))
