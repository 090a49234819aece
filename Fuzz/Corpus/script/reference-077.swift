let x = linspace(-3, 3, count: 61)
let parts = [line(x: x, y: x.clamped(min: -1, max: 1), label: "clamp"), line(x: x, y: relu(x), label: "relu")]
plot(parts, title: "Activations", xLabel: "x", yLimits: -1.5...3, width: 480, height: 240)
