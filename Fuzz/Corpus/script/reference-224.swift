(-128).description.count
