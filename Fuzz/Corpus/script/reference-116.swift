var queue = [8, 4, 2]
print(queue.removeLast(), queue)
