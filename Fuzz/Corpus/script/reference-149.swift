(-127...127).randomElement()
