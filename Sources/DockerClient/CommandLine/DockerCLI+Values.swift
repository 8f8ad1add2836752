// Reading flag values the way docker does, with docker's wording for each failure (the text
// after `invalid argument "…" for "--flag" flag: `). Sources: Go's strconv and time packages,
// docker/cli opts (port.go, opts.go: MemBytes, NanoCPUs), go-units RAMInBytes, swarmkit's
// constraint parser, docker/cli service/opts.go (placement preferences).

import SimCore
import Orchestration
import ScenarioLanguage

extension DockerCLI {
    typealias FlagValue = DockerInvocation.FlagValue
    typealias ValueError = ValueSyntax.ValueError

    /// Parses `word` as a value of `kind`.
    static func parseValue(_ word: Word, kind: ValueKind) -> Result<FlagValue, ValueError> {
        if kind == .text { return .success(.text(word)) }
        if case .payloadReference(let k) = kind {
            if word.hasVariables { return .success(.text(word)) }
            if case .failure(let e) = PayloadReference.parse(word.text, kind: k) { return .failure(ValueError(reason: e.message)) }
            return .success(.text(word))
        }
        if word.hasVariables {
            return .failure(ValueError(reason: "variables are not expanded in this value",
                                       hint: "swarmsim expands variables only in names, tokens and other text"))
        }
        let text = word.text
        switch kind {
        case .text:
            return .success(.text(word))
        case .bool:
            guard let b = parseGoBool(text) else { return .failure(ValueError(reason: "strconv.ParseBool: parsing \(text.goQuoted): invalid syntax")) }
            return .success(.bool(b))
        case .uint:
            return parseGoInt(text, signed: false).map { .int($0) }
        case .int:
            return parseGoInt(text, signed: true).map { .int($0) }
        case .duration:
            return parseGoDuration(text).map { .duration($0) }
        case .choice(let words):
            guard words.contains(text) else {
                return .failure(ValueError(reason: "must be one of " + words.joined(separator: ", "),
                                           hint: Suggestions.hint(for: text, among: words)))
            }
            return .success(.choice(text))
        case .keyValue:
            let (key, value) = ValueSyntax.splitKeyValue(text)
            guard !key.isEmpty else { return .failure(ValueError(reason: "empty key in \(text.goQuoted)")) }
            return .success(.keyValue(key: key, value: value))
        case .filter:
            return parseFilter(text)
        case .bytes:
            guard let n = ValueSyntax.parseMemoryBytes(text) else {
                return .failure(ValueError(reason: "invalid size: '\(text.shortenedForMessage)'",
                                           hint: "write a size such as 512M, 1.5G or 2GiB"))
            }
            return .success(.bytes(n))
        case .nanoCPUs:
            return ValueSyntax.parseNanoCPUs(text).map { .nanoCPUs($0) }
        case .ratio:
            return parseRatio(text)
        case .publish:
            return parsePortSpec(text).map { .publish($0) }
        case .constraint:
            return parseConstraint(text).map { .constraint($0) }
        case .spread:
            return parseSpread(text)
        case .payloadReference:
            return .success(.text(word))
        }
    }

    /// `--filter name=value`: both halves required.
    static func parseFilter(_ text: String) -> Result<FlagValue, ValueError> {
        let (key, value) = ValueSyntax.splitKeyValue(text)
        guard !key.isEmpty, let value else {
            return .failure(ValueError(reason: "bad format of filter (expected name=value)"))
        }
        return .success(.keyValue(key: key, value: value))
    }

    /// A ratio such as `--update-max-failure-ratio 0.2`: a float from 0 to 1.
    static func parseRatio(_ text: String) -> Result<FlagValue, ValueError> {
        guard let r = Double(text), r.isFinite else {
            return .failure(ValueError(reason: "strconv.ParseFloat: parsing \(text.goQuoted): invalid syntax"))
        }
        guard r >= 0, r <= 1 else { return .failure(ValueError(reason: "must be between 0 and 1")) }
        return .success(.ratio(r))
    }

    /// `--placement-pref spread=node.labels.zone`.
    static func parseSpread(_ text: String) -> Result<FlagValue, ValueError> {
        let fields = text.split(separator: "=", omittingEmptySubsequences: false)
        guard fields.count == 2 else {
            return .failure(ValueError(reason: "placement preference must be of the format \"<strategy>=<arg>\""))
        }
        guard fields[0] == "spread" else {
            return .failure(ValueError(reason: "unsupported placement preference \(String(fields[0]).shortenedForMessage) (only spread is supported)"))
        }
        return .success(.spread(String(fields[1])))
    }

    // MARK: Go scalars

    /// Go's `strconv.ParseBool` spellings.
    static func parseGoBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }

    /// Decimal `strconv.ParseUint` / `ParseInt` with Go's messages.
    static func parseGoInt(_ text: String, signed: Bool) -> Result<Int, ValueError> {
        let function = signed ? "strconv.ParseInt" : "strconv.ParseUint"
        var digits = Substring(text)
        var negative = false
        if signed, let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(ValueError(reason: "\(function): parsing \(text.goQuoted): invalid syntax"))
        }
        guard let magnitude = Int(digits) else {
            return .failure(ValueError(reason: "\(function): parsing \(text.goQuoted): value out of range"))
        }
        return .success(negative ? -magnitude : magnitude)
    }

    /// A Go duration (`time.ParseDuration`) read by `SimDuration(parsing:)`, with Go's messages.
    /// A leading `-` is refused as docker's positive-duration options do.
    static func parseGoDuration(_ text: String) -> Result<SimDuration, ValueError> {
        if text.hasPrefix("-") { return .failure(ValueError(reason: "duration cannot be negative")) }
        let body = text.hasPrefix("+") ? String(text.dropFirst()) : text
        do {
            return .success(try SimDuration(parsing: body))
        } catch {
            if error.message.hasPrefix("missing unit") {
                return .failure(ValueError(reason: "time: missing unit in duration \(text.goQuoted)", hint: error.hint))
            }
            if error.message.hasPrefix("unknown unit") {
                let unit = body.unicodeScalars.dropFirst(error.offset).prefix { !("0"..."9").contains($0) && $0 != "." }
                return .failure(ValueError(reason: "time: unknown unit \(String(String.UnicodeScalarView(unit)).goQuoted) in duration \(text.goQuoted)", hint: error.hint))
            }
            if error.message.contains("finer than a nanosecond") {
                return .failure(ValueError(reason: error.message))
            }
            return .failure(ValueError(reason: "time: invalid duration \(text.goQuoted)", hint: "write a duration such as 500ms, 10s or 1m30s"))
        }
    }

    // MARK: Ports

    /// docker's `PortOpt.Set`: the long form when the text has `key=value` fields, else
    /// `[published:]target[/protocol]`.
    static func parsePortSpec(_ text: String) -> Result<DockerInvocation.PortSpec, ValueError> {
        typealias Spec = DockerInvocation.PortSpec
        if text.contains("=") {
            var target: Int?, published: Int?
            var proto = Spec.PortProtocol.tcp, mode = Spec.PublishMode.ingress
            for field in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let eq = field.firstIndex(of: "="), eq != field.startIndex else {
                    return .failure(ValueError(reason: "invalid field \(String(field).shortenedForMessage)"))
                }
                let key = String(field[..<eq]), value = String(field[field.index(after: eq)...])
                switch key {
                case "protocol":
                    guard let p = Spec.PortProtocol(rawValue: value) else { return .failure(ValueError(reason: "invalid protocol value \(value.shortenedForMessage)")) }
                    proto = p
                case "mode":
                    guard let m = Spec.PublishMode(rawValue: value) else { return .failure(ValueError(reason: "invalid publish mode value \(value.shortenedForMessage)")) }
                    mode = m
                case "target", "published":
                    switch parsePort(value) {
                    case .success(let n): if key == "target" { target = n } else { published = n }
                    case .failure(let e): return .failure(e)
                    }
                default:
                    return .failure(ValueError(reason: "invalid field key \(key.shortenedForMessage)",
                                               hint: Suggestions.hint(for: key, among: ["published", "target", "protocol", "mode"])))
                }
            }
            guard let target, target != 0 else { return .failure(ValueError(reason: "missing mandatory field \"target\"")) }
            return .success(Spec(published: published == 0 ? nil : published, target: target, protocol: proto, mode: mode))
        }
        var spec = Substring(text)
        var proto = Spec.PortProtocol.tcp
        if let slash = spec.lastIndex(of: "/") {
            let p = String(spec[spec.index(after: slash)...])
            guard let parsed = p.isEmpty ? .tcp : Spec.PortProtocol(rawValue: p.lowercased()) else {
                return .failure(ValueError(reason: "invalid proto: \(p.shortenedForMessage)"))
            }
            proto = parsed
            spec = spec[..<slash]
        }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count > 2 { return .failure(ValueError(reason: "hostip is not supported")) }
        let containerPort = String(parts[parts.count - 1])
        guard !containerPort.isEmpty else { return .failure(ValueError(reason: "No port specified: \(text.shortenedForMessage)<empty>")) }
        if containerPort.contains("-") || (parts.count == 2 && parts[0].contains("-")) {
            return .failure(ValueError(reason: "port ranges are not supported by swarmsim yet"))
        }
        guard let target = Int(containerPort), (1...65535).contains(target) else {
            return .failure(ValueError(reason: "invalid containerPort: \(containerPort.shortenedForMessage)"))
        }
        var published: Int?
        if parts.count == 2, !parts[0].isEmpty {
            guard let p = Int(parts[0]), (1...65535).contains(p) else {
                return .failure(ValueError(reason: "invalid hostPort: \(String(parts[0]).shortenedForMessage)"))
            }
            published = p
        }
        return .success(Spec(published: published, target: target, protocol: proto))
    }

    /// `strconv.ParseUint(value, 10, 16)`.
    static func parsePort(_ value: String) -> Result<Int, ValueError> {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(ValueError(reason: "strconv.ParseUint: parsing \(value.goQuoted): invalid syntax"))
        }
        guard let n = Int(value), n <= 65535 else {
            return .failure(ValueError(reason: "strconv.ParseUint: parsing \(value.goQuoted): value out of range"))
        }
        return .success(n)
    }

    // MARK: Constraints

    /// A `--constraint` value, read with the one constraint grammar (`PlacementConstraint`,
    /// swarmkit's parser); the refusal names the key or value, cut short for the message.
    static func parseConstraint(_ text: String) -> Result<PlacementConstraint, ValueError> {
        do throws(PlacementConstraintError) {
            return .success(try PlacementConstraint.parse(text))
        } catch {
            switch error {
            case .missingOperator:
                return .failure(ValueError(reason: error.description,
                                           hint: "write a constraint such as node.role==manager or node.labels.zone!=a"))
            case .invalidKey(let key): return .failure(ValueError(reason: "key '\(key.shortenedForMessage)' is invalid"))
            case .invalidValue(let value): return .failure(ValueError(reason: "value '\(value.shortenedForMessage)' is invalid"))
            }
        }
    }
}
