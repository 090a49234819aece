Double.greatestFiniteMagnitude * 2
