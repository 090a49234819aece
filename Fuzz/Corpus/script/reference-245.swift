print(2.5.rounded(), 2.5.rounded(.toNearestOrEven), (-2.5).rounded(.down), 2.1.rounded(.up))
