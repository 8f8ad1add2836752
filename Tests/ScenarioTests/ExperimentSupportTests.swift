import Testing
import SimCore
@testable import Experiments

/// The pieces under the experiments: seed ranges and shards, percentiles and histograms, JSON,
/// number formatting, and the parallel map.
@Suite struct ExperimentSupportTests {
    // MARK: Seeds and shards

    @Test func seedRangesParse() {
        #expect(SeedRange(parsing: "1..1000") == SeedRange(first: 1, last: 1_000))
        #expect(SeedRange(parsing: "42") == SeedRange(first: 42, last: 42))
        #expect(SeedRange(parsing: "18446744073709551615") == SeedRange(first: .max, last: .max))
        for bad in ["", "..", "5..1", "1...3", "a..b", "-1..2", "1..", "0..10000000"] {
            #expect(SeedRange(parsing: bad) == nil, "\(bad)")
        }
        #expect(SeedRange(parsing: "0..9999999")?.count == 10_000_000)
        #expect(SeedRange(first: 3, last: 7).description == "3..7")
    }

    @Test func shardsParse() {
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "1/0", "1", "1/2/3", "a/b", "-1/2", "1/100001"] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
    }

    @Test func shardsCoverEverySeedExactlyOnceAndEvenly() {
        let range = SeedRange(first: 10, last: 46)
        for n in 1...8 {
            let parts = (1...n).map { range.seeds(in: Shard(index: $0, count: n)) }
            #expect(parts.joined().sorted() == Array(10...46))
            let sizes = parts.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
        #expect(SeedRange(first: 1, last: 10).seeds(in: Shard(index: 2, count: 4)) == [2, 6, 10])
        #expect(SeedRange(first: .max - 2, last: .max).seeds(in: Shard(index: 1, count: 2)) == [.max - 2, .max])
        #expect(SeedRange(first: 1, last: 2).seeds(in: Shard(index: 3, count: 3)) == [])
    }

    // MARK: Distributions

    @Test func nearestRankPercentiles() {
        let d = Distribution((1...10).reversed().map { SimDuration.seconds(Int64($0)) })
        #expect(d.min == .seconds(1) && d.max == .seconds(10))
        #expect(d.percentile(0.5) == .seconds(5))
        #expect(d.percentile(0.9) == .seconds(9))
        #expect(d.percentile(0.99) == .seconds(10))
        #expect(d.meanSeconds == 5.5)
        #expect(Distribution([]).percentile(0.5) == nil)
    }

    @Test func histogramBinsAreNiceAndAligned() {
        let d = Distribution([9_100, 9_400, 9_900, 10_200, 12_800].map { SimDuration.milliseconds($0) })
        // Span 3.7 s: 200 ms bins would be 19, so 200 ms it is, from 9.0 s.
        #expect(d.bins.first?.start == .seconds(9) && d.bins.first?.width == .milliseconds(200))
        #expect(d.bins.map(\.count).reduce(0, +) == 5)
        let text = Distribution([1_000, 1_000, 1_300, 2_000].map { SimDuration.milliseconds($0) }).histogram(barWidth: 4)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines.first == "[1.0s, 1.1s)  ####  2")
        #expect(lines[1] == "[1.1s, 1.2s)        0")
        #expect(lines[3] == "[1.3s, 1.4s)  ##    1")
        #expect(lines.last == "[2.0s, 2.1s)  ##    1")
        #expect(Distribution([.seconds(3), .seconds(3)]).histogram(barWidth: 3) == "[3.000000000s, 3.000000001s)  ###  2\n")
    }

    // MARK: JSON

    @Test func jsonRoundTripsExactly() throws {
        let text = #"{"a":[1,-2,0.5,1e-05,18446744073709551615],"b":{"c":null,"d":true,"e":false},"s":"q\"\\\n\u00e9\ud83d\ude00"}"#
        let v = try JSONParser.parse(Array(text.utf8))
        #expect(v["a"]?.array?.last?.uint64 == .max)
        #expect(v["a"]?.array?[1].int64 == -2)
        #expect(v["a"]?.array?[3].double == 0.00001)
        #expect(v["b"]?["c"]?.isNull == true)
        #expect(v["s"]?.string == "q\"\\\né😀")
        #expect(v.rendered == #"{"a":[1,-2,0.5,1e-05,18446744073709551615],"b":{"c":null,"d":true,"e":false},"s":"q\"\\\né😀"}"#)
        #expect(try JSONParser.parse(Array(" [ ] ".utf8)) == .array([]))
        #expect(JSONValue.string("\u{01}\t").rendered == #""\u0001\t""#)
    }

    @Test func jsonErrorsSayWhere() {
        let cases: [(String, String)] = [
            ("", "unexpected end of input at byte 0"),
            ("[1,]", "unexpected character at byte 3"),
            ("{\"a\" 1}", "expected ':' at byte 5"),
            ("[01]", "leading zero in a number at byte 1"),
            ("[0,", "unexpected end of input at byte 3"),
            ("\"abc", "unterminated string at byte 4"),
            ("\"\\ud800\"", "unpaired surrogate at byte 7"),
            ("nul", "expected 'null' at byte 3"),
            ("1 2", "unexpected text after the JSON value at byte 2"),
            (String(repeating: "[", count: 65), "nested too deeply at byte 64"),
        ]
        for (input, message) in cases {
            #expect(throws: JSONParser.Error.self) { try JSONParser.parse(Array(input.utf8)) }
            do { _ = try JSONParser.parse(Array(input.utf8)) } catch { #expect(error.description == message, "\(input)") }
        }
    }

    // MARK: Formatting

    @Test func fixedDecimals() {
        #expect(NumberFormat.fixed(0.12345, 3) == "0.123")
        #expect(NumberFormat.fixed(2.5, 0) == "3")
        #expect(NumberFormat.fixed(-0.0004, 3) == "0.000")
        #expect(NumberFormat.fixed(-1.25, 1) == "-1.3")
        #expect(NumberFormat.percent(0.375) == "37.5%")
        #expect(NumberFormat.fixed(.nan, 2) == "nan")
    }

    // MARK: Parallel map

    @Test func parallelMapKeepsJobOrder() {
        for jobs in [1, 2, 7] {
            let squares = ParallelRuns.map(count: 100, jobs: jobs) { $0 * $0 }
            #expect(squares == (0..<100).map { $0 * $0 })
        }
        #expect(ParallelRuns.map(count: 0, jobs: 2) { $0 }.isEmpty)
    }
}
