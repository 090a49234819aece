["8", "four", "2"].compactMap { Int($0) }
