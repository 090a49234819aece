plot(scatter(data.test, predictions: net.predict(data.test)), title: "Float32 predictions")
