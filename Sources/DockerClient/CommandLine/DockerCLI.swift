import Orchestration

// MARK: - DockerCLI

/// The docker commands and flags the simulator accepts, as a declarative table, and the parser
/// that checks a command line against it with docker's own messages.
///
/// Flag parsing follows spf13/pflag as docker uses it: `--name value`, `--name=value`,
/// `-p 8080:80`, `-p8080:80`, combined booleans (`-aq`), `--` ends the flags, and a repeated
/// flag keeps every value. Arguments may come before flags, except for `service create`,
/// whose flags stop at the image (everything after it is the container's command). Messages
/// follow docker/cli (`cli/required.go`) and pflag (`errors.go`); sources cited per message.
public enum DockerCLI {
    /// One docker command we simulate: `docker service create`.
    public struct Command: Sendable {
        /// `["service", "create"]`.
        public var path: [String]
        /// Other spellings of the last word (`list` for `ls`, `remove` for `rm`).
        public var aliases: [String]
        /// docker's usage line, `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`.
        public var usage: String
        /// docker's one-line summary.
        public var summary: String
        /// The flags, including real docker flags we do not simulate (`isSupported == false`).
        public var flags: [FlagSpec]
        public var arguments: ArgumentCount
        /// False when flags stop at the first argument (cobra's `SetInterspersed(false)`).
        public var interspersed: Bool
        /// Checks beyond flag values and argument counts.
        public var checks: [Check]

        public init(_ path: [String], aliases: [String] = [], usage: String, summary: String,
                    flags: [FlagSpec] = [], arguments: ArgumentCount, interspersed: Bool = true, checks: [Check] = []) {
            self.path = path
            self.aliases = aliases
            self.usage = usage
            self.summary = summary
            self.flags = flags
            self.arguments = arguments
            self.interspersed = interspersed
            self.checks = checks
        }

        /// `docker service create`.
        public var name: String { (["docker"] + path).joined(separator: " ") }
    }

    /// A flag of a command.
    public struct FlagSpec: Sendable {
        /// The long name without dashes.
        public var name: String
        public var shorthand: Character?
        public var kind: ValueKind
        /// False for a real docker flag that the simulator does not model: using it is an
        /// error that says so, rather than "unknown flag".
        public var isSupported: Bool

        public init(_ name: String, _ shorthand: Character? = nil, _ kind: ValueKind, isSupported: Bool = true) {
            self.name = name
            self.shorthand = shorthand
            self.kind = kind
            self.isSupported = isSupported
        }

        /// A real docker flag the simulator does not model.
        public static func unsupported(_ name: String, _ shorthand: Character? = nil) -> FlagSpec {
            FlagSpec(name, shorthand, .text, isSupported: false)
        }

        /// `-p, --publish` or `--name`, as pflag names a flag in "invalid argument" messages.
        public var displayName: String {
            shorthand.map { "-\($0), --\(name)" } ?? "--\(name)"
        }
    }

    /// How a flag's value is read, and what it becomes (`DockerInvocation.FlagValue`).
    public enum ValueKind: Equatable, Sendable {
        /// No value; `--flag=false` is allowed (Go's `strconv.ParseBool` spellings).
        case bool
        /// Any text.
        case text
        /// A whole number ≥ 0 (Go `ParseUint`).
        case uint
        /// A whole number, possibly negative (Go `ParseInt`).
        case int
        /// A Go duration: `300ms`, `1m30s`.
        case duration
        /// One of these words.
        case choice([String])
        /// `key=value` or `key`.
        case keyValue
        /// `key=value` (the value required), as `--filter` takes.
        case filter
        /// A memory size: `512m`, `1.5GiB`, `1073741824` (go-units `RAMInBytes`).
        case bytes
        /// A CPU count as a decimal: `0.5`, `2`.
        case nanoCPUs
        /// A decimal in [0, 1].
        case ratio
        /// A published port: `8080:80`, `8080:80/udp`, `published=8080,target=80,mode=host`.
        case publish
        /// A placement constraint: `node.role==manager`.
        case constraint
        /// A placement preference: `spread=node.labels.zone`.
        case spread
        /// `--secret`/`--config`: `NAME` or `source=NAME,target=FILE,…`, checked here and kept
        /// as text (`PayloadReference.parse` reads it again when the command runs).
        case payloadReference(PayloadKind)
    }

    /// How many positional arguments a command takes, with cobra's message for each.
    public enum ArgumentCount: Equatable, Sendable {
        case none
        case exactly(Int)
        case atLeast(Int)
        case between(Int, Int)

        func accepts(_ n: Int) -> Bool {
            switch self {
            case .none: n == 0
            case .exactly(let k): n == k
            case .atLeast(let k): n >= k
            case .between(let lo, let hi): n >= lo && n <= hi
            }
        }
    }

    /// Checks a table entry can ask for beyond flag values and argument counts.
    public enum Check: Equatable, Sendable {
        /// Every argument is `SERVICE=REPLICAS` (`docker service scale`).
        case scaleSpecifiers
        /// The one argument is `worker` or `manager` (`docker swarm join-token`).
        case joinTokenRole
        /// The flag must be given.
        case requiredFlag(String)
        /// `--rollback` cannot be combined with other flags (`docker service update`).
        case rollbackAlone
        /// `--replicas` and `--replicas-max-per-node` need replicated mode.
        case replicasNeedReplicatedMode
    }

    /// A command group (`docker service …`).
    public struct Group: Sendable {
        public var name: String
        public var summary: String
        /// Real docker subcommands the simulator does not model.
        public var unsupported: [String]
    }
}

// MARK: - Lookup

extension DockerCLI {
    /// The command at `path` (aliases resolved), if simulated.
    public static func command(_ path: [String]) -> Command? {
        guard let last = path.last, path.count <= 2 else { return nil }
        return commands.first { c in
            c.path.count == path.count && (path.count == 1 || c.path[0] == path[0])
                && (c.path[c.path.count - 1] == last || c.aliases.contains(last))
        }
    }

    /// The top-level words that lead somewhere: groups and top-level commands, in table order.
    static var topLevelNames: [String] {
        groups.map(\.name) + commands.filter { $0.path.count == 1 }.map { $0.path[0] }
    }

    /// The subcommands of `group`, in table order (aliases not included).
    static func subcommands(of group: String) -> [String] {
        commands.filter { $0.path.count == 2 && $0.path[0] == group }.map { $0.path[1] }
    }
}
