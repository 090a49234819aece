plot(line(x: bitWidths, y: perTensorAccuracy, label: "per tensor"),
     line(x: bitWidths, y: perChannelAccuracy, label: "per channel"),
     hline(float.accuracy, label: "Float32"),
     title: "Accuracy of the weight-quantized network",
     xLabel: "weight bits", yLabel: "test accuracy")
