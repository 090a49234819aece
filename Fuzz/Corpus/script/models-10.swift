let hidden = net.layers[2].weight!          // dense2, [32, 32]
print("std of dense2's weights:", hidden.std(), "  He: √(2/32) =", sqrt(2.0 / 32))
