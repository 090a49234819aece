for i in ["a", "b"].indices { print(i) }
