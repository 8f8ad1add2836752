import SimCore

/// Reads the few trace lines the report draws from: Raft messages delivered or dropped
/// (`deliver` and `drop` with a `raft.` message) and task state changes (`task.state`).
///
/// The runner gives the swarm a trace writer whose sink hands each line here (and passes the
/// rest on to the run's own trace); lines are as `TraceLine` writes them, one JSON object a
/// line, fields in a fixed order, so a field is found by its key without a JSON parser.
package enum TraceTap {
    package enum Line: Equatable {
        case message(time: SimTime, from: String, to: String, kind: String, dropped: Bool)
        case task(time: SimTime, host: String, task: String, id: String, state: String)
    }

    /// The lines of a chunk (each without its newline).
    package static func lines(_ chunk: [UInt8]) -> [ArraySlice<UInt8>] {
        chunk.split(separator: 10, omittingEmptySubsequences: true)
    }

    /// Whether the line is a message delivery or drop (written only for `--trace-messages`).
    package static func isMessage(_ line: ArraySlice<UInt8>) -> Bool {
        let ev = string("ev", in: line)
        return (ev == "deliver" || ev == "drop") && string("msg", in: line) != nil
    }

    /// The line as the report reads it, or nil for a line it does not draw.
    package static func parse(_ line: ArraySlice<UInt8>) -> Line? {
        guard let ev = string("ev", in: line), let time = time(in: line) else { return nil }
        switch ev {
        case "deliver", "drop":
            guard let msg = string("msg", in: line), msg.hasPrefix("raft."),
                  let from = string("from", in: line), let to = string("to", in: line) else { return nil }
            return .message(time: time, from: from, to: to, kind: String(msg.dropFirst(5)), dropped: ev == "drop")
        case "task.state":
            guard let host = string("host", in: line), let task = string("task", in: line),
                  let id = string("id", in: line), let state = string("state", in: line) else { return nil }
            return .task(time: time, host: host, task: task, id: id, state: state)
        default:
            return nil
        }
    }

    /// The value of the string field `key` (escapes are not undone: names and kinds have none).
    static func string(_ key: String, in line: ArraySlice<UInt8>) -> String? {
        let pattern = Array("\"\(key)\":\"".utf8)
        guard let start = find(pattern, in: line) else { return nil }
        var end = start
        while end < line.endIndex, line[end] != UInt8(ascii: "\"") {
            end += line[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        return String(decoding: line[start..<min(end, line.endIndex)], as: UTF8.self)
    }

    /// The line's time, `"t":12.5` (exact decimal seconds).
    static func time(in line: ArraySlice<UInt8>) -> SimTime? {
        guard let start = find(Array("\"t\":".utf8), in: line) else { return nil }
        var seconds: Int64 = 0, fraction: Int64 = 0, digits = 0, inFraction = false
        var i = start
        while i < line.endIndex {
            let b = line[i]
            if b == UInt8(ascii: ".") { inFraction = true } else if b >= 48 && b <= 57 {
                if inFraction {
                    if digits < 9 { fraction = fraction * 10 + Int64(b - 48); digits += 1 }
                } else {
                    seconds = seconds &* 10 &+ Int64(b - 48)
                }
            } else { break }
            i += 1
        }
        guard i > start else { return nil }
        for _ in digits..<9 { fraction *= 10 }
        return SimTime(nanoseconds: seconds &* 1_000_000_000 &+ fraction)
    }

    /// The index just after the first occurrence of `pattern`.
    static func find(_ pattern: [UInt8], in line: ArraySlice<UInt8>) -> Int? {
        guard line.count >= pattern.count else { return nil }
        var i = line.startIndex
        while i + pattern.count <= line.endIndex {
            if line[i] == pattern[0], line[i..<(i + pattern.count)].elementsEqual(pattern) { return i + pattern.count }
            i += 1
        }
        return nil
    }
}
