var queue = [8, 4, 2]
print(queue.removeFirst(), queue)
