// swift-tools-version:6.0
import PackageDescription

let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
/// The release executable is linked position-dependent: its 110,000 relative relocations (Swift
/// metadata) are then resolved by the linker instead of at every start, which saves about 3 ms
/// per run and a third of the start-up page faults. The cost is that the executable itself is
/// not address-randomised (its libraries still are).
let fixedAddressInRelease: [LinkerSetting] = [
    .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "qnb",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qnb", targets: ["qnb"]),
        .library(name: "QuantEngine", targets: ["QuantEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The integer GEMM's AVX2 micro-kernel, compiled with a per-function target attribute and
        // chosen at run time by CPU feature; everything else (and the fallback) is Swift. Always
        // optimised, like the engine.
        .target(name: "CQuantKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        // `make demo` and `make test` use the debug configuration so that a first build (with
        // swift-syntax) takes minutes, not ten; the engine and the interpreter are optimised
        // there too, so notebooks run at full speed anyway.
        // AVX2 versions of the quantize/dequantize loops, chosen at run time when the CPU has AVX2
        // (Swift compiles for baseline x86-64, where `divps` on four lanes limits the kernel).
        // Optimised in debug builds too: intrinsics at -O0 are slower than the Swift fallback.
        .target(name: "CQuantize", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        // Data/README.md and the script that generated Data/DigitsData.swift travel with the sources.
        .target(
            name: "QuantEngine", dependencies: ["CQuantKernels", "CQuantize"],
            exclude: ["Data/README.md", "Data/make_digits.py"], swiftSettings: optimizedInDebug),
        .target(name: "QNBPlot", swiftSettings: optimizedInDebug),
        // Readers and writers of .npy, .safetensors and CSV, hardened against hostile files; its
        // own target so that QuantEngine stays free of Foundation (used here to read files). It
        // shares QuantEngine's float16/bfloat16 conversions.
        .target(name: "TensorFiles", dependencies: ["QuantEngine"], swiftSettings: optimizedInDebug),
        .target(
            name: "QNBScript",
            dependencies: [
                "QuantEngine",
                "QNBPlot",
                "TensorFiles",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ],
            swiftSettings: optimizedInDebug
        ),
        .target(
            name: "QNBNotebook",
            dependencies: ["CCmark", "QNBScript", "QNBPlot", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "QNBRender",
            dependencies: [
                "CCmark",
                "QNBNotebook",
                "QNBPlot",
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ]
        ),
        .executableTarget(
            name: "qnb",
            dependencies: [
                "QNBNotebook",
                "QNBRender",
                "QuantEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fixedAddressInRelease
        ),
        .executableTarget(name: "qnb-bench", dependencies: ["QuantEngine", "QNBPlot"], path: "bench/qnb-bench"),
        // Fuzzing harnesses (`make fuzz`): one library of harness functions, shared with the
        // corpus replay test, and one executable per area. A normal build gives each a replay
        // `main` over files and folders; `make fuzz` builds them with `-sanitize=fuzzer,address
        // -D QNB_FUZZ`, which selects libFuzzer's entry point instead.
        .target(
            name: "QNBFuzzing",
            dependencies: ["QNBNotebook", "QNBRender", "QNBScript", "QNBPlot", "QuantEngine", "TensorFiles"],
            path: "Fuzz/Harnesses"),
        .executableTarget(name: "qnb-fuzz-notebook", dependencies: ["QNBFuzzing"], path: "Fuzz/qnb-fuzz-notebook"),
        .executableTarget(name: "qnb-fuzz-script", dependencies: ["QNBFuzzing"], path: "Fuzz/qnb-fuzz-script"),
        .executableTarget(name: "qnb-fuzz-files", dependencies: ["QNBFuzzing"], path: "Fuzz/qnb-fuzz-files"),
        .target(
            name: "QNBTestSupport",
            dependencies: ["QNBScript"],
            path: "Tests/QNBTestSupport"
        ),
        .testTarget(
            name: "QuantEngineTests", dependencies: ["QuantEngine"], exclude: ["Formats/Fixtures"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "QNBScriptTests", dependencies: ["QNBScript", "QNBPlot", "QNBTestSupport"]),
        .testTarget(name: "QNBNotebookTests", dependencies: ["QNBNotebook", "QNBPlot", "QNBTestSupport"]),
        .testTarget(name: "QNBPlotTests", dependencies: ["QNBPlot"]),
        .testTarget(name: "TensorFilesTests", dependencies: ["TensorFiles", "QuantEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "QNBRenderTests", dependencies: ["QNBRender", "QNBTestSupport"]),
        .testTarget(name: "QNBTests", dependencies: ["QNBTestSupport"], exclude: ["Hostile"]),
        .testTarget(name: "QNBFuzzingTests", dependencies: ["QNBFuzzing"]),
    ]
)
