for kind: ObserverKind in [.minMax, .movingAverage(0.5)] {
    var obs = observer(kind)
    for hi in [1.0, 4.0, 2.0] { obs.observe(tensor([0, hi])) }
    print(kind, obs.max)
}
