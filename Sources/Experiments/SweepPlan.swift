import ScenarioLanguage

/// What a sweep reports on, read from the script: its expectations and measures, in order.
public struct SweepPlan: Sendable, Equatable {
    /// The scenario's path as given on the command line.
    public var scenario: String
    /// FNV-1a (64 bits, hex) of the scenario's bytes: merged shards must come from one file.
    public var fingerprint: String
    public var expectations: [Item]
    public var measures: [Item]
    /// The combination of `--set` values these runs used (`raft election-timeout=12ms..24ms`),
    /// or nil for the file as written.
    public var setting: String?
    /// First line of each statement, by statement index (to place a failure).
    var statementLines: [Int]

    public struct Item: Sendable, Equatable {
        /// Index of the statement in the script.
        public var statement: Int
        public var line: Int
        /// `expect …` as written, or the measure's name.
        public var text: String
    }

    public init(script: Script, bytes: [UInt8]) {
        scenario = script.file
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        fingerprint = String(repeating: "0", count: 16 - hex.count) + hex
        expectations = []
        measures = []
        statementLines = script.statements.map(\.lines.lowerBound)
        for (i, s) in script.statements.enumerated() {
            switch s.statement {
            case .expect: expectations.append(Item(statement: i, line: s.lines.lowerBound, text: s.text))
            case .measure(let name, _, _): measures.append(Item(statement: i, line: s.lines.lowerBound, text: name))
            default: break
            }
        }
    }

    init(scenario: String, fingerprint: String, expectations: [Item], measures: [Item]) {
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.expectations = expectations
        self.measures = measures
        statementLines = []
    }

    /// Plans are equal when they report the same things on the same file (the statement lines
    /// are only a lookup for placing failures, and are not written to JSON).
    public static func == (a: SweepPlan, b: SweepPlan) -> Bool {
        a.scenario == b.scenario && a.fingerprint == b.fingerprint && a.expectations == b.expectations && a.measures == b.measures
            && a.setting == b.setting
    }

    /// The statement whose lines hold `line` (the last that starts at or before it).
    func statementIndex(line: Int) -> Int {
        var found = 0
        for (i, first) in statementLines.enumerated() where first <= line { found = i }
        return found
    }
}
