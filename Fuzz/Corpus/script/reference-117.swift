var queue = [8]
print(queue.popLast() ?? 0, queue.popLast() == nil)
