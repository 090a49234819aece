let names = configurations.map { $0.0 }
plot(bar(labels: names, values: names.map { _ in float.accuracy }, label: "Float32"),
     bar(labels: names, values: ptqAccuracy, label: "PTQ"),
     bar(labels: names, values: qatAccuracy, label: "QAT"),
     title: "What quantization-aware training recovers", yLabel: "test accuracy")
