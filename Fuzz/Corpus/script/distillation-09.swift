plot(points[0], points[1], points[2], points[3], points[4], points[5],
     title: "Size against accuracy", xLabel: "log₁₀ bytes",
     yLabel: "test accuracy")
