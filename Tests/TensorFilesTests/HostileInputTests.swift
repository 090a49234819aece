import Foundation
import QuantEngine
import Testing

@testable import TensorFiles

/// Hostile input: every case must end in a ``TensorFileError`` with a clear message, never a crash or a huge
/// allocation.
@Suite("hostile input")
struct HostileInputTests {
    static let f4Header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"

    @Test("every proper prefix of every valid .npy fixture is an error naming the file")
    func npyPrefixes() throws {
        let expected = try #require(Fixtures.expected)
        var checked = 0
        for name in expected.npy.keys.sorted() {
            let bytes = Fixtures.bytes("npy/" + name)
            #expect(throws: Never.self) { _ = try NPY.read(bytes: bytes, fileName: name) }
            for length in 0..<bytes.count {
                do {
                    _ = try NPY.read(bytes: Array(bytes.prefix(length)), fileName: name)
                    Issue.record("\(name) cut to \(length) bytes was accepted")
                } catch {
                    #expect(error.message.contains("'\(name)'"))
                    if length == 0 {
                        #expect(error.message.contains("is empty"))
                    } else if length < bytes.count - 100 {
                        #expect(error.message.contains("truncated") || error.message.contains("malformed"))
                    }
                }
                checked += 1
            }
        }
        #expect(checked > 3_500)
    }

    @Test("the truncation message says what was promised and what is there")
    func truncationMessage() {
        let file = npyFile(
            header: "{'descr': '<f4', 'fortran_order': False, 'shape': (1024,), }",
            data: [UInt8](
                repeating: 0, count: 1000))
        expectError(["'w.npy' is truncated: the header promises 4 096 bytes of data, the file has 1 000"], "msg") {
            () throws(TensorFileError) in _ = try NPY.read(bytes: file, fileName: "w.npy")
        }
    }

    @Test("every proper prefix of every valid .safetensors fixture is an error")
    func safetensorsPrefixes() throws {
        for name in ["mixed.safetensors", "plain.safetensors"] {
            let bytes = Fixtures.bytes("safetensors/" + name)
            for length in 0..<bytes.count {
                do {
                    _ = try SafeTensors.read(bytes: Array(bytes.prefix(length)), fileName: name)
                    Issue.record("\(name) cut to \(length) bytes was accepted")
                } catch {
                    #expect(error.message.contains("'\(name)'"))
                    #expect(error.message.contains(length == 0 ? "empty" : "truncated"), "\(length): \(error)")
                }
            }
        }
    }

    @Test(".npy headers that lie or are malformed")
    func lyingNpyHeaders() {
        let cases: [(String, [UInt8], [String])] = [
            (
                "huge shape", npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(1000000000, 1000000000)}"),
                ["truncated", "4 000 000 000 000 000 000 bytes"]
            ),
            (
                "count overflow",
                npyFile(
                    header: "{'descr':'<f4','fortran_order':False,'shape':(10000000000,"
                        + " 10000000000)}"), ["overflows"]
            ),
            (
                "byte overflow",
                npyFile(header: "{'descr':'<f8','fortran_order':False,'shape':(4611686018427387904,)}"),
                ["too large"]
            ),
            ("negative dim", npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(-1, 3)}"), ["negative"]),
            (
                "huge literal",
                npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(99999999999999999999,)}"),
                ["integer too large"]
            ),
            (
                "object", npyFile(header: "{'descr':'|O','fortran_order':False,'shape':(1,)}", data: [0x80]),
                ["Python objects", "'|O'"]
            ),
            ("complex", npyFile(header: "{'descr':'<c16','fortran_order':False,'shape':(1,)}"), ["complex"]),
            (
                "structured", npyFile(header: "{'descr':[('a','<f4')],'fortran_order':False,'shape':(1,)}"),
                ["structured"]
            ),
            ("long double", npyFile(header: "{'descr':'<f16','fortran_order':False,'shape':(1,)}"), ["unsupported"]),
            ("missing key", npyFile(header: "{'descr':'<f4','shape':(1,)}"), ["without 'fortran_order'"]),
            (
                "extra key", npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(1,),'x':1}"),
                ["unexpected key 'x'"]
            ),
            (
                "duplicate key", npyFile(header: "{'descr':'<f4','descr':'<f4','fortran_order':False,'shape':(1,)}"),
                ["twice"]
            ),
            ("fortran not bool", npyFile(header: "{'descr':'<f4','fortran_order':1,'shape':(1,)}"), ["True or False"]),
            ("shape not tuple", npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(5)}"), ["not a tuple"]),
            ("float dim", npyFile(header: "{'descr':'<f4','fortran_order':False,'shape':(2.5,)}"), ["plain integers"]),
            (
                "too many dims",
                npyFile(
                    header: "{'descr':'<f4','fortran_order':False,'shape':("
                        + String(repeating: "1,", count: 65) + ")}", data: [0, 0, 0, 0]), ["65 dimensions"]
            ),
            ("not a dict", npyFile(header: "('descr', '<f4')"), ["not a dict"]),
            ("code", npyFile(header: "__import__('os').system('true')"), ["malformed", "unexpected name"]),
            ("unterminated", npyFile(header: "{'descr': '<f4"), ["malformed", "line break inside a string"]),
            ("deep nesting", npyFile(header: String(repeating: "(", count: 5000)), ["nesting deeper"]),
            ("garbage in header", npyFile(header: "{'descr':\u{7F}}"), ["malformed", "unexpected character"]),
            (
                "trailing bytes", npyFile(header: Self.f4Header, data: [UInt8](repeating: 0, count: 25)),
                ["1 unexpected bytes after the 24 bytes"]
            ),
            (
                "header length past end", npyFile(header: Self.f4Header, headerLength: 0xFFFF),
                ["truncated", "65 535"]
            ),
            (
                "v2 header length past end", npyFile(header: Self.f4Header, version: 2, headerLength: 0xFFFF_FFFF),
                ["truncated", "4 294 967 295"]
            ),
            ("version 4", npyFile(header: Self.f4Header, version: 4), ["version 4.0"]),
            ("empty", [], ["'x.npy' is empty"]),
            ("magic only", [0x93, 0x4E, 0x55], ["truncated"]),
            ("zip", Array("PK\u{3}\u{4}rest".utf8), ["zip"]),
            ("garbage", Array("hello, world".utf8), ["not a .npy file", "hello, w"]),
        ]
        for (label, bytes, words) in cases {
            expectError(words, label) { () throws(TensorFileError) in
                _ = try NPY.read(bytes: bytes, fileName: "x.npy")
            }
        }
        var nonUTF8 = npyFile(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), 'é': 1}", version: 3)
        if let index = nonUTF8.firstIndex(of: 0xC3) {
            nonUTF8[index] = 0xFF
        }
        expectError(["not valid UTF-8"], "v3 non-UTF-8") { () throws(TensorFileError) in
            _ = try NPY.read(bytes: nonUTF8, fileName: "x.npy")
        }
        var latin = npyFile(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }", version: 1)
        latin[22] = 0xFF  // the f of <f4
        expectError(["unsupported dtype"], "latin-1 byte in v1") { () throws(TensorFileError) in
            _ = try NPY.read(bytes: latin, fileName: "x.npy")
        }
    }

    @Test(".safetensors headers that lie or are malformed")
    func lyingSafetensorsHeaders() {
        let f32x2 = #""x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#
        let eight = [UInt8](repeating: 0, count: 8)
        let cases: [(String, [UInt8], [String])] = [
            ("empty", [], ["'x.st' is empty"]),
            ("short", [1, 2, 3], ["truncated", "8-byte"]),
            ("length past end", safetensorsFile(json: "{}", headerLength: 1000), ["truncated", "1 000 bytes"]),
            ("length above limit", safetensorsFile(json: "{}", headerLength: 200_000_000), ["exceeds"]),
            ("length max", safetensorsFile(json: "{}", headerLength: UInt64.max), ["exceeds"]),
            ("not an object", safetensorsFile(json: "[1]"), ["start with '{'"]),
            ("bad JSON", safetensorsFile(json: "{\"x\":}"), ["not valid JSON", "byte 5"]),
            ("trailing comma", safetensorsFile(json: "{\"a\":1,}"), ["not valid JSON"]),
            (
                "deep nesting", safetensorsFile(json: "{\"a\":" + String(repeating: "[", count: 100_000)),
                ["nesting deeper than 64"]
            ),
            ("invalid UTF-8", safetensorsFile(json: "{\"\u{E9}\":1}").map { $0 == 0xC3 ? 0xFF : $0 }, ["UTF-8"]),
            ("duplicate", safetensorsFile(json: "{\(f32x2),\(f32x2)}", data: eight), ["duplicate key"]),
            (
                "out of range",
                safetensorsFile(
                    json: #"{"x":{"dtype":"F32","shape":[1024],"data_offsets":[0,4096]}}"#,
                    data: eight), ["truncated or has bad data_offsets", "4 096", "has 8"]
            ),
            (
                "huge shape",
                safetensorsFile(
                    json: #"{"x":{"dtype":"F32","shape":[1000000000,1000000000],"#
                        + #""data_offsets":[0,4000000000000000000]}}"#, data: eight),
                ["truncated or has bad data_offsets"]
            ),
            (
                "count overflow",
                safetensorsFile(
                    json: #"{"x":{"dtype":"F32","shape":[4294967296,4294967296,4],"#
                        + #""data_offsets":[0,8]}}"#, data: eight), ["overflows"]
            ),
            (
                "byte overflow",
                safetensorsFile(
                    json: #"{"x":{"dtype":"F64","shape":[4611686018427387904],"#
                        + #""data_offsets":[0,8]}}"#, data: eight), ["too large"]
            ),
            (
                "wrong size",
                safetensorsFile(
                    json: #"{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#,
                    data: eight), ["needs 12 bytes", "span 8"]
            ),
            (
                "overlap",
                safetensorsFile(
                    json: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
                        + #""b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, data: eight + [0, 0, 0, 0]),
                ["overlapping", "'b'", "'a'"]
            ),
            (
                "gap",
                safetensorsFile(
                    json: #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"#
                        + #""b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}}"#, data: [1, 2, 3, 4, 5, 6]),
                ["gap", "2..<4"]
            ),
            ("trailing", safetensorsFile(json: "{\(f32x2)}", data: eight + [9]), ["1 bytes after its last tensor"]),
            (
                "reversed offsets",
                safetensorsFile(
                    json: #"{"x":{"dtype":"U8","shape":[0],"data_offsets":[8,0]}}"#,
                    data: eight), ["end before they begin"]
            ),
            (
                "negative dim", safetensorsFile(json: #"{"x":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}}"#),
                ["-1", "non-negative"]
            ),
            (
                "float dim", safetensorsFile(json: #"{"x":{"dtype":"U8","shape":[2.0],"data_offsets":[0,2]}}"#),
                ["2.0", "non-negative"]
            ),
            (
                "huge dim", safetensorsFile(json: #"{"x":{"dtype":"U8","shape":[1e400],"data_offsets":[0,2]}}"#),
                ["non-negative"]
            ),
            (
                "negative offset", safetensorsFile(json: #"{"x":{"dtype":"U8","shape":[0],"data_offsets":[-8,-8]}}"#),
                ["data_offsets"]
            ),
            (
                "three offsets", safetensorsFile(json: #"{"x":{"dtype":"U8","shape":[0],"data_offsets":[0,0,0]}}"#),
                ["data_offsets"]
            ),
            ("no dtype", safetensorsFile(json: #"{"x":{"shape":[0],"data_offsets":[0,0]}}"#), ["no string 'dtype'"]),
            (
                "unknown dtype", safetensorsFile(json: #"{"x":{"dtype":"Q7","shape":[0],"data_offsets":[0,0]}}"#),
                ["unknown dtype 'Q7'"]
            ),
            (
                "fp8", safetensorsFile(json: #"{"x":{"dtype":"F8_E4M3","shape":[0],"data_offsets":[0,0]}}"#),
                ["F8_E4M3", "not supported"]
            ),
            ("tensor not object", safetensorsFile(json: #"{"x":[1,2]}"#), ["an array, not an object"]),
            ("metadata not strings", safetensorsFile(json: #"{"__metadata__":{"a":1}}"#), ["'a'", "not a string"]),
            ("metadata not object", safetensorsFile(json: #"{"__metadata__":"a"}"#), ["__metadata__"]),
            ("lone surrogate", safetensorsFile(json: #"{"\ud800":1}"#), ["surrogate"]),
            ("control char", safetensorsFile(json: "{\"a\u{1}\":1}"), ["control character"]),
            ("text after", safetensorsFile(json: "{} {}"), ["after the JSON value"]),
            ("garbage", Array("this is not a safetensors file at all".utf8), ["exceeds"]),
        ]
        for (label, bytes, words) in cases {
            expectError(words, label) { () throws(TensorFileError) in
                _ = try SafeTensors.read(bytes: bytes, fileName: "x.st")
            }
        }
    }

    @Test("random garbage never crashes any reader")
    func randomGarbage() {
        var random = SplitMix64(seed: 42)
        let npyMagic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0]
        for round in 0..<3_000 {
            let length = Int.random(in: 0...200, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if round % 3 == 1 {
                bytes = npyMagic + [UInt8(length & 0xFF), 0] + bytes
            } else if round % 3 == 2 {
                bytes = [UInt8(length & 0xFF), 0, 0, 0, 0, 0, 0, 0] + Array("{\"".utf8) + bytes
            }
            _ = try? NPY.read(bytes: bytes, fileName: "g")
            _ = try? SafeTensors.read(bytes: bytes, fileName: "g")
            _ = try? CSV.read(text: String(decoding: bytes, as: UTF8.self), fileName: "g")
        }
    }

    @Test("mutated valid files either read consistently or fail cleanly")
    func mutations() {
        var random = SplitMix64(seed: 7)
        let sources = [
            "npy/f4.npy", "npy/fortran_i2_3d.npy", "npy/v3_i4.npy", "safetensors/mixed.safetensors",
            "safetensors/plain.safetensors",
        ].map { ($0, Fixtures.bytes($0)) }
        let interesting: [UInt8] = [
            0, 0xFF, 0x7F, 0x80, UInt8(ascii: "("), UInt8(ascii: "'"), UInt8(ascii: "9"),
            UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
        ]
        var accepted = 0
        for round in 0..<6_000 {
            let (name, original) = sources[round % sources.count]
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<min(bytes.count, 300), using: &random)
                bytes[index] =
                    Bool.random(using: &random)
                    ? UInt8.random(in: 0...255, using: &random) : interesting.randomElement(using: &random) ?? 0
            }
            do {
                if name.hasPrefix("npy") {
                    let array = try NPY.read(bytes: bytes, fileName: name)
                    #expect(array.count == Checked.elementCount(array.shape))
                } else {
                    for tensor in try SafeTensors.read(bytes: bytes, fileName: name).tensors {
                        #expect(tensor.count == Checked.elementCount(tensor.shape))
                    }
                }
                accepted += 1
            } catch {
                #expect(error.message.contains(name))
            }
        }
        #expect(accepted > 0)
    }
}
