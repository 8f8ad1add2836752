import SimCore

/// Sweep results as JSON, for `swarmsim merge`: the plan and shards in a header, then one run per
/// line. Durations are integer nanoseconds and seeds exact 64-bit integers.
///
///     {"format":"swarmsim-sweep","version":1,"scenario":"F","fingerprint":"…",
///      "seeds":{"first":1,"last":1000},"shards":{"count":4,"included":[2]},
///      "expectations":[{"statement":12,"line":30,"text":"expect leader …"}],
///      "measures":[{"statement":10,"line":28,"name":"election"}],
///      "runs":[
///     {"seed":2,"exit":0,"measures":[9871000000]},
///     {"seed":6,"exit":1,"stop":{"kind":"failed","statement":12,"message":"…"},"measures":["timeout"]}
///     ]}
///
/// A measure is a number (nanoseconds), `"timeout"`, or `null` when the run stopped before it.
extension SweepResults {
    public static let format = "swarmsim-sweep"
    public static let version = 1

    public var json: String {
        var out = "{"
        var header: [JSONValue.Member] = [
            .init("format", .string(Self.format)),
            .init("version", .int(Self.version)),
            .init("scenario", .string(plan.scenario)),
            .init("fingerprint", .string(plan.fingerprint)),
        ]
        if let setting = plan.setting { header.append(.init("set", .string(setting))) }
        header += [
            .init("seeds", .object([.init("first", .int(seeds.first)), .init("last", .int(seeds.last))])),
            .init("shards", .object([.init("count", .int(shards.count)), .init("included", .array(shards.included.map { .int($0) }))])),
            .init("expectations", .array(plan.expectations.map { e in
                .object([.init("statement", .int(e.statement)), .init("line", .int(e.line)), .init("text", .string(e.text))])
            })),
            .init("measures", .array(plan.measures.map { m in
                .object([.init("statement", .int(m.statement)), .init("line", .int(m.line)), .init("name", .string(m.text))])
            })),
        ]
        for m in header {
            JSONValue.quote(m.key, into: &out)
            out += ":"
            m.value.write(to: &out)
            out += ","
        }
        out += "\"runs\":[\n"
        for (i, r) in runs.enumerated() {
            Self.json(r).write(to: &out)
            out += i == runs.count - 1 ? "\n" : ",\n"
        }
        out += "]}\n"
        return out
    }

    static func json(_ r: SeedResult) -> JSONValue {
        var m: [JSONValue.Member] = [.init("seed", .int(r.seed)), .init("exit", .int(r.exitCode))]
        if let stop = r.stop {
            m.append(.init("stop", .object([
                .init("kind", .string(stop.kind.rawValue)), .init("statement", .int(stop.statement)),
                .init("message", .string(stop.message)),
            ])))
        }
        m.append(.init("measures", .array(r.measures.map { v in
            switch v {
            case .value(let d): .int(d.nanoseconds)
            case .timedOut: .string("timeout")
            case .notReached: .null
            }
        })))
        if !r.violations.isEmpty { m.append(.init("violations", .array(r.violations.map { .string($0) }))) }
        return .object(m)
    }

    // MARK: Reading

    /// Reads what `json` wrote; the error says what is wrong and where.
    public init(json bytes: [UInt8]) throws(MergeError) {
        let v: JSONValue
        do { v = try JSONParser.parse(bytes) } catch { throw MergeError(message: "not JSON: \(error)") }
        guard v["format"]?.string == Self.format else {
            throw MergeError(message: "not the JSON of 'swarmsim sweep --json' (no \"format\":\"\(Self.format)\")")
        }
        guard v["version"]?.int == Self.version else {
            throw MergeError(message: "written by another version of swarmsim (format version \(v["version"]?.int.map(String.init) ?? "?"), expected \(Self.version))")
        }
        guard let scenario = v["scenario"]?.string, let fingerprint = v["fingerprint"]?.string else { throw Self.bad("scenario") }
        guard let first = v["seeds"]?["first"]?.uint64, let last = v["seeds"]?["last"]?.uint64, first <= last,
              last - first < SeedRange.maxCount else { throw Self.bad("seeds") }
        guard let count = v["shards"]?["count"]?.int, count >= 1, count <= Shard.maxCount,
              let included = v["shards"]?["included"]?.array?.compactMap(\.int),
              !included.isEmpty, included.allSatisfy({ (1...count).contains($0) }) else { throw Self.bad("shards") }
        var plan = SweepPlan(scenario: scenario, fingerprint: fingerprint,
                             expectations: try Self.items(v, "expectations", "text"), measures: try Self.items(v, "measures", "name"))
        plan.setting = v["set"]?.string
        guard let list = v["runs"]?.array else { throw Self.bad("runs") }
        let range = SeedRange(first: first, last: last)
        var runs: [SeedResult] = []
        runs.reserveCapacity(list.count)
        for item in list {
            runs.append(try Self.runResult(item, first: first, last: last, included: included, count: count,
                                           measureCount: plan.measures.count))
        }
        // Every seed of the included shards exactly once.
        let expected = included.reduce(0) { $0 + range.seeds(in: Shard(index: $1, count: count)).count }
        guard Set(runs.map(\.seed)).count == runs.count, runs.count == expected else {
            throw MergeError(message: "the runs do not cover the seeds of shard\(included.count == 1 ? "" : "s") \(included.map(String.init).joined(separator: ",")) of \(count) exactly once (\(runs.count) runs, \(expected) seeds)")
        }
        self.init(plan: plan, seeds: range, shards: Shards(count: count, included: included.sorted()), runs: runs)
    }

    /// The error for a part of the JSON that is missing or of the wrong shape.
    static func bad(_ what: String) -> MergeError { MergeError(message: "malformed sweep results: \(what)") }

    /// The plan's expectations or measures, under `key`, each with its text under `textKey`.
    static func items(_ v: JSONValue, _ key: String, _ textKey: String) throws(MergeError) -> [SweepPlan.Item] {
        guard let list = v[key]?.array else { throw bad(key) }
        var out: [SweepPlan.Item] = []
        for e in list {
            guard let s = e["statement"]?.int, let l = e["line"]?.int, let t = e[textKey]?.string else { throw bad(key) }
            out.append(.init(statement: s, line: l, text: t))
        }
        return out
    }

    /// One run of the `runs` array: its seed must lie in first...last and belong to an included shard.
    static func runResult(_ item: JSONValue, first: UInt64, last: UInt64, included: [Int], count: Int,
                          measureCount: Int) throws(MergeError) -> SeedResult {
        guard let seed = item["seed"]?.uint64, seed >= first, seed <= last,
              let exit = item["exit"]?.int, (0...2).contains(exit),
              let measures = item["measures"]?.array, measures.count == measureCount else { throw bad("a run") }
        guard included.contains(Int((seed - first) % UInt64(count)) + 1) else {
            throw MergeError(message: "seed \(seed) does not belong to shard\(included.count == 1 ? "" : "s") \(included.map(String.init).joined(separator: ",")) of \(count)")
        }
        var r = SeedResult(seed: seed, exitCode: Int32(exit))
        if let stop = item["stop"], !stop.isNull {
            guard let kind = stop["kind"]?.string.flatMap(SeedResult.Stop.Kind.init(rawValue:)),
                  let statement = stop["statement"]?.int, let message = stop["message"]?.string else { throw bad("a run's stop") }
            r.stop = .init(kind: kind, statement: statement, message: message)
        }
        for m in measures {
            if m.isNull { r.measures.append(.notReached) }
            else if m.string == "timeout" { r.measures.append(.timedOut) }
            else if let ns = m.int64 { r.measures.append(.value(.nanoseconds(ns))) }
            else { throw bad("a measure of seed \(seed)") }
        }
        if let vs = item["violations"]?.array { r.violations = vs.compactMap(\.string) }
        return r
    }
}
