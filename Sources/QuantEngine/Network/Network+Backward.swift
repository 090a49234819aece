extension Network {
    /// Backpropagation through the pass: the gradient of the loss with respect to every weight and
    /// bias, given `outputGradient` (∂loss/∂logits, `[batch, classes]`). Fake-quantized inputs
    /// pass their gradient straight through where they were not clipped (the clipped
    /// straight-through estimator). Sums over the batch run in sample order.
    func backward(
        _ pass: ForwardPass, outputGradient: [Float], batch: Int, parameters: NetworkParameters,
        inputQuantizers: [InputFakeQuantizer?] = []
    ) -> NetworkParameters {
        var unused: [[Float]?] = []
        return backward(
            pass, outputGradient: outputGradient, batch: batch, parameters: parameters,
            inputQuantizers: inputQuantizers, quantizedInputGradients: &unused)
    }

    /// `backward` that also returns, for every fake-quantized input, the gradient with respect
    /// to the quantized values (before the straight-through mask), which learned step sizes need.
    func backward(
        _ pass: ForwardPass, outputGradient: [Float], batch: Int, parameters: NetworkParameters,
        inputQuantizers: [InputFakeQuantizer?], quantizedInputGradients: inout [[Float]?]
    ) -> NetworkParameters {
        quantizedInputGradients = Array(repeating: nil, count: layers.count)
        var gradients = parameters.zeros()
        var gradient = outputGradient
        for l in layers.indices.reversed() {
            let layer = layers[l]
            let input = pass.values[l]
            let needsInputGradient = l > 0 || (l < inputQuantizers.count && inputQuantizers[l] != nil)
            switch layer.kind {
            case .dense:
                let inputs = layer.inputShape.reduce(1, *), outputs = layer.outputShape.reduce(1, *)
                Self.denseBackward(
                    gradient, input: input, batch: batch, inputs: inputs, outputs: outputs,
                    weightGradient: &gradients.weights[l], biasGradient: &gradients.biases[l])
                gradient =
                    needsInputGradient
                    ? Self.denseInputGradient(
                        gradient, weight: parameters.weights[l], batch: batch, inputs: inputs, outputs: outputs) : []
            case .conv2d(let kernel, let stride, let padding):
                let geometry = DenseKernels.ConvGeometry(
                    channels: layer.inputShape[0], height: layer.inputShape[1], width: layer.inputShape[2],
                    kernel: kernel, stride: stride, padding: padding)
                gradient = Self.convBackward(
                    gradient, rows: pass.convRows[l], batch: batch, geometry: geometry,
                    weight: parameters.weights[l], outChannels: layer.outputShape[0],
                    weightGradient: &gradients.weights[l], biasGradient: &gradients.biases[l],
                    inputGradient: needsInputGradient)
            case .maxPool2d:
                var inputGradient = [Float](repeating: 0, count: input.count)
                for (k, index) in pass.poolIndices[l].enumerated() { inputGradient[index] += gradient[k] }
                gradient = inputGradient
            case .activation(let activation):
                let output = pass.values[l + 1]
                for i in gradient.indices { gradient[i] *= activation.derivative(input: input[i], output: output[i]) }
            case .flatten:
                break
            }
            if l < inputQuantizers.count, let quantizer = inputQuantizers[l], let raw = pass.unquantizedInputs[l],
                !gradient.isEmpty
            {
                quantizedInputGradients[l] = gradient
                let grid = quantizer.grid
                for i in gradient.indices where !quantizer.passes(raw[i], grid: grid) { gradient[i] = 0 }
            }
        }
        return gradients
    }

    /// `∂W[o, i] = Σ_b g[b, o] · x[b, i]`, `∂bias[o] = Σ_b g[b, o]`, over `b` in order.
    static func denseBackward(
        _ g: [Float], input x: [Float], batch: Int, inputs: Int, outputs: Int,
        weightGradient: inout [Float], biasGradient: inout [Float]
    ) {
        g.withUnsafeBufferPointer { g in
            x.withUnsafeBufferPointer { x in
                weightGradient.withUnsafeMutableBufferPointer { w in
                    guard let gb = g.baseAddress, let xb = x.baseAddress, let wb = w.baseAddress else { return }
                    DenseKernels.multiplyTransposedLeft(gb, xb, into: wb, m: outputs, k: batch, n: inputs)
                }
            }
        }
        for b in 0..<batch {
            for o in 0..<outputs { biasGradient[o] += g[b * outputs + o] }
        }
    }

    /// `∂x[b, i] = Σ_o g[b, o] · W[o, i]`.
    static func denseInputGradient(_ g: [Float], weight: [Float], batch: Int, inputs: Int, outputs: Int) -> [Float] {
        var result = [Float](repeating: 0, count: batch * inputs)
        g.withUnsafeBufferPointer { g in
            weight.withUnsafeBufferPointer { w in
                result.withUnsafeMutableBufferPointer { r in
                    guard let gb = g.baseAddress, let wb = w.baseAddress, let rb = r.baseAddress else { return }
                    DenseKernels.multiply(gb, wb, into: rb, m: batch, k: outputs, n: inputs)
                }
            }
        }
        return result
    }

    /// Per sample `n` (in order): `∂W += G_n · R_n` (G_n = `[O, P]` output gradient, R_n the
    /// windows), `∂bias[o] += Σ_p G_n[o, p]`, and `∂x_n = row2im(G_nᵀ · W)`.
    static func convBackward(
        _ g: [Float], rows: [Float], batch: Int, geometry: DenseKernels.ConvGeometry, weight: [Float],
        outChannels: Int, weightGradient: inout [Float], biasGradient: inout [Float], inputGradient: Bool
    ) -> [Float] {
        let positions = geometry.positions, window = geometry.windowSize
        let inputSize = geometry.channels * geometry.height * geometry.width
        var dx = [Float](repeating: 0, count: inputGradient ? batch * inputSize : 0)
        var transposedGradient = [Float](repeating: 0, count: positions * outChannels)
        var rowGradient = [Float](repeating: 0, count: positions * window)
        g.withUnsafeBufferPointer { g in
            rows.withUnsafeBufferPointer { rows in
                weight.withUnsafeBufferPointer { w in
                    weightGradient.withUnsafeMutableBufferPointer { dw in
                        transposedGradient.withUnsafeMutableBufferPointer { gt in
                            rowGradient.withUnsafeMutableBufferPointer { dr in
                                dx.withUnsafeMutableBufferPointer { dx in
                                    guard let gb = g.baseAddress, let rb = rows.baseAddress, let wb = w.baseAddress,
                                        let dwb = dw.baseAddress, let gtb = gt.baseAddress, let drb = dr.baseAddress
                                    else { return }
                                    for n in 0..<batch {
                                        let gn = gb + n * outChannels * positions
                                        let rn = rb + n * positions * window
                                        DenseKernels.multiply(
                                            gn, rn, into: dwb, m: outChannels, k: positions, n: window, accumulate: true
                                        )
                                        for o in 0..<outChannels {
                                            var sum: Float = 0
                                            for p in 0..<positions { sum += gn[o * positions + p] }
                                            biasGradient[o] += sum
                                        }
                                        guard inputGradient, let dxb = dx.baseAddress else { continue }
                                        DenseKernels.transpose(gn, into: gtb, m: outChannels, n: positions)
                                        DenseKernels.multiply(
                                            gtb, wb, into: drb, m: positions, k: outChannels, n: window)
                                        DenseKernels.row2im(drb, geometry, into: dxb + n * inputSize)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
