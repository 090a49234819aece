"q4_0".last
