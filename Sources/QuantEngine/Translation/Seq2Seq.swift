/// A small neural machine translation model: a GRU encoder–decoder with scaled dot-product
/// attention (Cho et al. 2014; Bahdanau et al. 2015; Luong et al. 2015), the architecture NMT
/// used before Transformers and still the clearest one to learn from.
///
/// ```
/// source tokens → embedding → encoder GRU → states h₁ … h_S
/// <s> y₁ … y_{T−1} → embedding → decoder GRU (from h_S) → states s₁ … s_T
/// context c_t = Σ_j softmax_j(s_t · h_j / √H) h_j
/// logits_t = W_o · LayerNorm([s_t; c_t]) + b_o        (one per target token)
/// ```
///
/// The GRU is PyTorch's (`torch.nn.GRU`, gates in the order reset, update, new):
///
/// ```
/// r = σ(W_ir x + b_ir + W_hr h + b_hr)
/// z = σ(W_iz x + b_iz + W_hz h + b_hz)
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
/// h' = (1 − z) ⊙ n + z ⊙ h
/// ```
///
/// A value type like ``Network``: training and quantization return or change a copy. Everything
/// is deterministic — initialisation from a seed, fixed summation orders, `PortableMath` for every
/// exponential — so a notebook trains the same model on every machine.
public struct Seq2Seq: Sendable, Equatable {
    public let sourceVocabulary: Vocabulary
    public let targetVocabulary: Vocabulary
    /// Width of a token embedding, `E`.
    public let embeddingSize: Int
    /// Width of the GRU states, `H`.
    public let hiddenSize: Int

    /// Every parameter, blocks in the order of ``Block``, each row-major with PyTorch's shapes.
    var parameters: [Float]

    /// The Float32 weights a quantized model came from (nil unless quantized): what
    /// quantization-aware training keeps updating.
    var floatParameters: [Float]?

    /// Set by ``quantized(_:calibrationSources:calibrationTargets:)`` and kept by QAT: how each part is stored and how
    /// activations are fake-quantized.
    public internal(set) var quantization: Seq2SeqQuantization?
    /// Activation scales calibrated for ``quantization``, one per ``ActivationSite``.
    var activationParameters: [QuantizationParameters]
    /// The bytes each quantized weight block takes in storage (blocks stored as Float32 are absent).
    var storedBytes: [Block: Int]

    /// The parameter blocks.
    enum Block: Int, CaseIterable, Sendable, Hashable {
        case sourceEmbedding, targetEmbedding
        case encoderInput, encoderRecurrent, encoderInputBias, encoderRecurrentBias
        case decoderInput, decoderRecurrent, decoderInputBias, decoderRecurrentBias
        case normGain, normBias
        case output, outputBias

        var part: Seq2Seq.Part? {
            switch self {
            case .sourceEmbedding, .targetEmbedding: return .embeddings
            case .encoderInput, .encoderRecurrent, .decoderInput, .decoderRecurrent: return .recurrent
            case .output: return .output
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .sourceEmbedding: return "source embedding"
            case .targetEmbedding: return "target embedding"
            case .encoderInput: return "encoder input weights"
            case .encoderRecurrent: return "encoder recurrent weights"
            case .encoderInputBias: return "encoder input bias"
            case .encoderRecurrentBias: return "encoder recurrent bias"
            case .decoderInput: return "decoder input weights"
            case .decoderRecurrent: return "decoder recurrent weights"
            case .decoderInputBias: return "decoder input bias"
            case .decoderRecurrentBias: return "decoder recurrent bias"
            case .normGain: return "layer norm gain"
            case .normBias: return "layer norm bias"
            case .output: return "output projection"
            case .outputBias: return "output bias"
            }
        }
    }

    /// The parts quantization treats separately.
    public enum Part: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Source and target token embeddings.
        case embeddings
        /// The input and recurrent weight matrices of both GRUs (their biases stay Float32).
        case recurrent
        /// The output projection onto the target vocabulary (its bias stays Float32).
        case output

        public var description: String { rawValue }
    }

    /// Where activations are fake-quantized: the input of every weight matrix.
    enum ActivationSite: Int, CaseIterable, Sendable {
        case encoderInput, encoderState, decoderInput, decoderState, normalized
    }

    /// The most parameters a model built here may have, as for ``Network``.
    public static let maximumParameters = Network.maximumParameters

    /// A model for translating `sources` into `targets` (token sequences; the vocabularies are
    /// built from them), initialised from `seed` as PyTorch initialises these layers:
    /// embeddings `N(0, 1)`, GRU weights and biases `U(−1/√H, 1/√H)`, the output projection
    /// `U(−1/√(2H), 1/√(2H))`, layer-norm gain 1 and bias 0; drawn block by block in the order of
    /// the model description, row-major.
    public init(
        sources: [[String]], targets: [[String]], embeddingSize: Int = 32, hiddenSize: Int = 64, seed: UInt64
    ) throws(QuantEngineError) {
        guard (1...1024).contains(embeddingSize), (1...1024).contains(hiddenSize) else {
            throw .invalidArgument(
                "seq2seq embedding and hidden sizes must be between 1 and 1024, got \(embeddingSize) and \(hiddenSize)")
        }
        guard !sources.isEmpty, !targets.isEmpty else {
            throw .invalidArgument("seq2seq needs a corpus with at least one sentence pair to build its vocabularies")
        }
        let sourceVocabulary = Vocabulary(sources)
        let targetVocabulary = Vocabulary(targets)
        guard sourceVocabulary.count <= 1 << 16, targetVocabulary.count <= 1 << 16 else {
            throw .invalidArgument(
                "seq2seq vocabularies are limited to 65536 tokens, got \(sourceVocabulary.count) and \(targetVocabulary.count)"
            )
        }
        self.sourceVocabulary = sourceVocabulary
        self.targetVocabulary = targetVocabulary
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        quantization = nil
        floatParameters = nil
        activationParameters = []
        storedBytes = [:]
        let layout = Layout(
            sourceTokens: sourceVocabulary.count, targetTokens: targetVocabulary.count, embedding: embeddingSize,
            hidden: hiddenSize)
        guard layout.total <= Self.maximumParameters else {
            throw .invalidArgument(
                "seq2seq: the model would have \(layout.total) parameters, more than \(Self.maximumParameters); "
                    + "models here are small teaching models")
        }
        try MemoryBudget.reserve(bytes: 4 * layout.total)
        var generator = RandomGenerator(seed: seed)
        var values = [Float](repeating: 0, count: layout.total)
        let gru = 1 / Float(hiddenSize).squareRoot()
        let projection = 1 / Float(2 * hiddenSize).squareRoot()
        for block in Block.allCases {
            let range = layout.range(block)
            switch block {
            case .sourceEmbedding, .targetEmbedding:
                for i in range { values[i] = Float(generator.nextNormal()) }
            case .normGain:
                for i in range { values[i] = 1 }
            case .normBias:
                break
            case .output, .outputBias:
                for i in range { values[i] = (2 * generator.nextFloat() - 1) * projection }
            default:
                for i in range { values[i] = (2 * generator.nextFloat() - 1) * gru }
            }
        }
        parameters = values
    }

    var layout: Layout {
        Layout(
            sourceTokens: sourceVocabulary.count, targetTokens: targetVocabulary.count, embedding: embeddingSize,
            hidden: hiddenSize)
    }

    /// Where each block lives in ``parameters``.
    struct Layout: Sendable {
        let sourceTokens: Int
        let targetTokens: Int
        let embedding: Int
        let hidden: Int

        func shape(_ block: Block) -> [Int] {
            switch block {
            case .sourceEmbedding: return [sourceTokens, embedding]
            case .targetEmbedding: return [targetTokens, embedding]
            case .encoderInput, .decoderInput: return [3 * hidden, embedding]
            case .encoderRecurrent, .decoderRecurrent: return [3 * hidden, hidden]
            case .encoderInputBias, .encoderRecurrentBias, .decoderInputBias, .decoderRecurrentBias:
                return [3 * hidden]
            case .normGain, .normBias: return [2 * hidden]
            case .output: return [targetTokens, 2 * hidden]
            case .outputBias: return [targetTokens]
            }
        }

        func count(_ block: Block) -> Int { shape(block).reduce(1, *) }

        func offset(_ block: Block) -> Int {
            Block.allCases.prefix(while: { $0 != block }).reduce(0) { $0 + count($1) }
        }

        func range(_ block: Block) -> Range<Int> {
            let start = offset(block)
            return start..<(start + count(block))
        }

        var total: Int { Block.allCases.reduce(0) { $0 + count($1) } }
    }

    // MARK: - Sizes

    /// All weights and biases.
    public var parameterCount: Int { parameters.count }

    /// Parameters of one part.
    public func parameterCount(_ part: Part) -> Int {
        Block.allCases.filter { $0.part == part }.reduce(0) { $0 + layout.count($1) }
    }

    /// Bytes of all parameters as stored: Float32 unless quantized (see ``bytes(_:)``).
    public var bytes: Int { Block.allCases.reduce(0) { $0 + bytes(of: $1) } }

    /// Bytes of one part as stored: 4 per Float32 weight, or the quantized codes with their
    /// scales.
    public func bytes(_ part: Part) -> Int {
        Block.allCases.filter { $0.part == part }.reduce(0) { $0 + bytes(of: $1) }
    }

    /// Bytes of the parameters outside the three parts (biases, layer norm), always Float32.
    public var otherBytes: Int { Block.allCases.filter { $0.part == nil }.reduce(0) { $0 + bytes(of: $1) } }

    func bytes(of block: Block) -> Int { storedBytes[block] ?? 4 * layout.count(block) }

    /// One block's values as a tensor (PyTorch's shape: `[3H, E]` for GRU input weights, gates
    /// stacked reset, update, new).
    func tensor(_ block: Block) -> Tensor {
        let layout = layout
        // The shape and count agree by construction.
        return (try? Tensor(shape: layout.shape(block), scalars: Array(parameters[layout.range(block)])))
            ?? Tensor([])
    }

    /// The weights of a part by name, as tensors in PyTorch's shapes.
    public var weights: [(name: String, tensor: Tensor)] {
        Block.allCases.map { ($0.name, tensor($0)) }
    }
}

/// How a ``Seq2Seq`` model is quantized: a weight format per part (`nil`: Float32) and,
/// optionally, the fake quantization of every weight matrix's input.
public struct Seq2SeqQuantization: Sendable, Equatable, CustomStringConvertible {
    public var embeddings: WeightQuantization?
    public var recurrent: WeightQuantization?
    public var output: WeightQuantization?
    public var activations: ActivationQuantization?

    public init(
        embeddings: WeightQuantization? = nil, recurrent: WeightQuantization? = nil, output: WeightQuantization? = nil,
        activations: ActivationQuantization? = nil
    ) {
        self.embeddings = embeddings
        self.recurrent = recurrent
        self.output = output
        self.activations = activations
    }

    public subscript(part: Seq2Seq.Part) -> WeightQuantization? {
        switch part {
        case .embeddings: return embeddings
        case .recurrent: return recurrent
        case .output: return output
        }
    }

    public var description: String {
        var parts = Seq2Seq.Part.allCases.compactMap { part in self[part].map { "\(part) \($0)" } }
        if let activations {
            parts.append("activations int\(activations.quantizer.bits) \(activations.quantizer.scheme)")
        }
        return parts.isEmpty ? "Float32" : parts.joined(separator: ", ")
    }
}
