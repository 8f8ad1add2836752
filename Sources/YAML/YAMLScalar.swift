extension YAML {
    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's value under the YAML 1.2 core schema.
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
    }

    /// A scalar: its text (escapes and folding applied), how it was written, and its value.
    ///
    /// Only plain scalars resolve to null, booleans and numbers; quoted and block scalars are
    /// strings. A tag overrides: `!!str 1` and `! 1` are strings, `!!int "1"` is an integer
    /// (or a string if the text is not one). The text is kept either way, so `8080:80` and
    /// `"8080:80"` are both the string `8080:80` but a caller can still see which was written.
    public struct Scalar: Sendable, Equatable {
        public var text: String
        public var style: ScalarStyle
        public var tag: String?

        public init(_ text: String, style: ScalarStyle, tag: String? = nil) {
            self.text = text
            self.style = style
            self.tag = tag
        }

        public var isPlain: Bool { style == .plain }

        /// The value under the core schema (see the type's comment).
        public var value: Value {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return Self.resolveNull(text) ?? .string(text)
            case "tag:yaml.org,2002:bool": return Self.resolveBool(text) ?? .string(text)
            case "tag:yaml.org,2002:int": return Self.resolveInt(text) ?? .string(text)
            case "tag:yaml.org,2002:float": return Self.resolveFloat(text) ?? Self.resolveInt(text).flatMap(Self.asFloat) ?? .string(text)
            default:
                guard style == .plain else { return .string(text) }
                return Self.resolveNull(text) ?? Self.resolveBool(text) ?? Self.resolveInt(text)
                    ?? Self.resolveFloat(text) ?? .string(text)
            }
        }

        static func asFloat(_ v: Value) -> Value? {
            if case .int(let i) = v { return .float(Double(i)) }
            return v
        }

        static func resolveNull(_ t: String) -> Value? {
            ["", "~", "null", "Null", "NULL"].contains(t) ? .null : nil
        }

        static func resolveBool(_ t: String) -> Value? {
            switch t {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return nil
            }
        }

        /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. A decimal too big for `Int` is a float,
        /// as it matches the float pattern too.
        static func resolveInt(_ t: String) -> Value? {
            let u = Array(t.utf8)
            if u.count > 2 && u[0] == UInt8(ascii: "0") && (u[1] == UInt8(ascii: "o") || u[1] == UInt8(ascii: "x")) {
                let digits = String(t.dropFirst(2))
                guard digits.utf8.allSatisfy({ isDigit($0, radix: u[1] == UInt8(ascii: "o") ? 8 : 16) }),
                      let v = Int(digits, radix: u[1] == UInt8(ascii: "o") ? 8 : 16) else { return nil }
                return .int(v)
            }
            let body = u.first == UInt8(ascii: "-") || u.first == UInt8(ascii: "+") ? u.dropFirst() : u[...]
            guard !body.isEmpty, body.allSatisfy({ isDigit($0, radix: 10) }) else { return nil }
            return Int(t).map(Value.int)
        }

        static func isDigit(_ c: UInt8, radix: Int) -> Bool {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "7"): return true
            case UInt8(ascii: "8"), UInt8(ascii: "9"): return radix >= 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): return radix == 16
            default: return false
            }
        }

        /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` (any case form
        /// the schema lists) and `.nan`.
        static func resolveFloat(_ t: String) -> Value? {
            switch t {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
            guard matchesFloat(Array(t.utf8)) else { return nil }
            return Double(t).map(Value.float)
        }

        static func matchesFloat(_ u: [UInt8]) -> Bool {
            var i = 0
            func digits() -> Int {
                let from = i
                while i < u.count && isDigit(u[i], radix: 10) { i += 1 }
                return i - from
            }
            if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
            let whole = digits()
            var fraction = 0
            if i < u.count && u[i] == UInt8(ascii: ".") {
                i += 1
                fraction = digits()
                if whole == 0 && fraction == 0 { return false }
            } else if whole == 0 {
                return false
            }
            if i < u.count && (u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E")) {
                i += 1
                if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
                if digits() == 0 { return false }
            }
            return i == u.count
        }
    }
}
