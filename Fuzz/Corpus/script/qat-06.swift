let ptq3 = quantize(net, bits: 3, granularity: .perTensor, activations: .uint8, calibration: data.train,
                    range: .percentile(99.9))
let qat3 = qat(net, bits: 3, on: data.train, granularity: .perTensor, activations: .uint8,
               range: .percentile(99.9), epochs: 10, seed: 2)
grid([plot(scatter(data.test, predictions: ptq3.predict(data.test)), title: "3-bit PTQ"),
      plot(scatter(data.test, predictions: qat3.predict(data.test)), title: "3-bit QAT")], columns: 2)
