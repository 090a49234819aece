"q4_0".description
