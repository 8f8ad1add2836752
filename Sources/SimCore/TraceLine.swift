/// One line of a JSON Lines trace: an object whose first field is the virtual time `t` (seconds,
/// as an exact decimal), then `ev` (the kind of event), then fields in the order they were added.
/// Built as bytes directly; no dictionary, so field order is the order of the calls.
public struct TraceLine: Sendable {
    public private(set) var bytes: [UInt8]

    public init(time: SimTime, event: String) {
        bytes = []
        bytes.reserveCapacity(96)
        bytes.append(contentsOf: "{\"t\":".utf8)
        bytes.append(contentsOf: time.sinceStart.exactSeconds.utf8)
        field("ev", event)
    }

    /// A line with no time (the trace header).
    public init(header event: String) {
        bytes = Array("{\"ev\":".utf8)
        Self.appendString(event, to: &bytes)
    }

    public mutating func field(_ key: String, _ value: String) {
        appendKey(key); Self.appendString(value, to: &bytes)
    }
    public mutating func field(_ key: String, _ value: Int) {
        appendKey(key); bytes.append(contentsOf: String(value).utf8)
    }
    public mutating func field(_ key: String, _ value: UInt64) {
        appendKey(key); bytes.append(contentsOf: String(value).utf8)
    }
    public mutating func field(_ key: String, _ value: Bool) {
        appendKey(key); bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }
    public mutating func field(_ key: String, _ value: SimDuration) {
        appendKey(key); bytes.append(contentsOf: value.exactSeconds.utf8)
    }
    public mutating func field(_ key: String, _ values: [String]) {
        appendKey(key)
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendString(v, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
    /// A field whose value is already JSON (an object or array built elsewhere).
    public mutating func field(_ key: String, rawJSON: String) {
        appendKey(key); bytes.append(contentsOf: rawJSON.utf8)
    }

    /// The finished line, with its closing brace and newline.
    public var text: String { String(decoding: bytes + Array("}\n".utf8), as: UTF8.self) }

    mutating func appendKey(_ key: String) {
        bytes.append(UInt8(ascii: ","))
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends `s` as a JSON string literal.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
