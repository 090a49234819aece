[0.5, 2.0].description.count
