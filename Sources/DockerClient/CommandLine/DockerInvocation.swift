import SimCore
import ScenarioLanguage

// MARK: - DockerInvocation

/// A docker command line checked against `DockerCLI`'s table: the command path, the flags in
/// the order given (a repeated flag appears once per use), and the positional arguments.
///
/// `docker service create --name web -p 8080:80 --constraint node.role==worker nginx` gives
/// `path == ["service", "create"]`, flags `name` (`.text`), `publish` (`.publish(…)`),
/// `constraint` (`.constraint(…)`), and `arguments == [nginx]`. Flag names are the long names
/// without dashes, whichever spelling was used (`-p` is `publish`). Aliases are resolved
/// (`docker node list` has path `["node", "ls"]`).
public struct DockerInvocation: Equatable, Sendable {
    public var path: [String]
    public var flags: [Flag]
    /// Positional arguments; they keep their variables (`$WORKER_TOKEN`, `$ID_w1`).
    public var arguments: [Word]
    /// Where the word `docker` is.
    public var location: SourceLocation

    public init(path: [String], flags: [Flag] = [], arguments: [Word] = [], location: SourceLocation) {
        self.path = path
        self.flags = flags
        self.arguments = arguments
        self.location = location
    }

    /// `docker service create`, for messages.
    public var commandName: String { (["docker"] + path).joined(separator: " ") }

    // MARK: Reading flags

    /// Every value given for the flag `name` (long name, no dashes), in order.
    public func values(_ name: String) -> [FlagValue] {
        flags.filter { $0.name == name }.map(\.value)
    }

    /// The last value given for `name` (docker lets a later single-valued flag win).
    public func value(_ name: String) -> FlagValue? {
        flags.last { $0.name == name }?.value
    }

    /// True when the flag was given at all.
    public func has(_ name: String) -> Bool { flags.contains { $0.name == name } }

    /// True when a boolean flag was given and its last value is true.
    public func isOn(_ name: String) -> Bool {
        if case .bool(true) = value(name) { return true }
        return false
    }

    /// The last integer value of `name`.
    public func int(_ name: String) -> Int? {
        if case .int(let v) = value(name) { return v }
        return nil
    }

    /// The last duration value of `name`.
    public func duration(_ name: String) -> SimDuration? {
        if case .duration(let v) = value(name) { return v }
        return nil
    }

    /// The last value of `name` as a word: text values as given, choices as a plain word.
    public func text(_ name: String) -> Word? {
        guard let flag = flags.last(where: { $0.name == name }) else { return nil }
        switch flag.value {
        case .text(let w): return w
        case .choice(let s): return Word(s, location: flag.location)
        default: return nil
        }
    }

    /// The `SERVICE=N` pairs of `docker service scale` (already validated by the parser).
    public var scaleTargets: [(service: String, replicas: Int)] {
        arguments.compactMap { w in
            guard let eq = w.text.firstIndex(of: "="), let n = Int(w.text[w.text.index(after: eq)...]) else { return nil }
            return (String(w.text[..<eq]), n)
        }
    }
}

// MARK: - Flags

extension DockerInvocation {
    /// One use of a flag.
    public struct Flag: Equatable, Sendable {
        /// The long name without dashes (`replicas`), also when the short form was used.
        public var name: String
        public var value: FlagValue
        /// Where the flag is written (its dashes).
        public var location: SourceLocation

        public init(name: String, value: FlagValue, location: SourceLocation) {
            self.name = name
            self.value = value
            self.location = location
        }
    }

    /// A flag's value, parsed by the flag's kind so the runner need not parse it again.
    public enum FlagValue: Equatable, Sendable {
        /// A boolean flag: `--detach` is `true`, `--detach=false` is `false`.
        case bool(Bool)
        /// Free text (names, tokens, addresses, images…). May hold variables.
        case text(Word)
        /// A whole number (`--replicas 3`).
        case int(Int)
        /// A Go-syntax duration (`--restart-delay 5s`).
        case duration(SimDuration)
        /// One of the flag's allowed words (`--availability drain`).
        case choice(String)
        /// `key=value` or just `key` (then `value` is nil): labels, env, filters.
        case keyValue(key: String, value: String?)
        /// A memory size in bytes (`--reserve-memory 512M`).
        case bytes(Int64)
        /// CPUs in billionths (`--reserve-cpu 0.5` is 500_000_000).
        case nanoCPUs(Int64)
        /// A ratio in [0, 1] (`--update-max-failure-ratio 0.2`).
        case ratio(Double)
        /// A published port (`-p 8080:80`).
        case publish(PortSpec)
        /// A placement constraint (`--constraint node.role==worker`).
        case constraint(PlacementConstraint)
        /// A placement preference (`--placement-pref spread=node.labels.zone`): the descriptor
        /// to spread over.
        case spread(String)
    }

    /// A port published by a service, as docker's `PortConfig`.
    public struct PortSpec: Equatable, Sendable, CustomStringConvertible {
        /// The port on every node (ingress) or on the task's node (host mode); nil when only the
        /// target was given and swarm picks one.
        public var published: Int?
        /// The port inside the task.
        public var target: Int
        public var `protocol`: PortProtocol
        public var mode: PublishMode

        public enum PortProtocol: String, Equatable, Sendable { case tcp, udp, sctp }
        public enum PublishMode: String, Equatable, Sendable { case ingress, host }

        public init(published: Int?, target: Int, protocol: PortProtocol = .tcp, mode: PublishMode = .ingress) {
            self.published = published
            self.target = target
            self.protocol = `protocol`
            self.mode = mode
        }

        /// `8080:80/tcp`, or `80/tcp` with no published port; `(host)` appended in host mode.
        public var description: String {
            (published.map { "\($0):" } ?? "") + "\(target)/\(`protocol`.rawValue)" + (mode == .host ? " (host)" : "")
        }
    }
}
