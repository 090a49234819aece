1.0.nextDown
