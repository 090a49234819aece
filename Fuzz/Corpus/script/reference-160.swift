"ab".flatMap { [$0, $0] }
