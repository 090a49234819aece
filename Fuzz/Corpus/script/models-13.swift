let predicted = net.predict(data.test)
grid([plot(scatter(data.test), title: "True class"),
      plot(scatter(data.test, predictions: predicted), title: "Predicted class")])
