1.0.nextUp
