print([0.5, -1.25, 2.0].min() ?? 0, ["int8", "fp8"].min { $0.count < $1.count } ?? "")
