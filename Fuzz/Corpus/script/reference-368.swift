let f = plot(line([0.5, 0.9, 0.99]), scatter(x: [0, 1, 2], y: [0.6, 0.8, 1.0], label: "measured"))
print(type(of: f))
f
