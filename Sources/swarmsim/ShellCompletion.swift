import ScenarioLanguage
import DockerClient
import Runner

/// Tab completion in the shell: the words that can come next, from the text before the
/// cursor. Statements and shell commands first, `HOST$` for each declared host, docker's
/// groups, subcommands and flags (from the table the parser checks commands against), hosts
/// where a statement takes them, and the words of conditions.
enum ShellCompletion {
    /// The words a statement starts with (the parser's keywords) and the shell's commands.
    static let statements = ["hosts", "wait", "expect", "partition", "isolate", "heal", "crash", "restart", "cut", "link",
                             "say", "show", "curl", "measure", "image", "fail", "file", "lang",
                             "seed", "network", "raft", "dispatcher", "mesh", "task", "swarm"]
    static let shellCommands = ["next", "continue", "until", "help", "report", "save", "exit"]
    static let conditionStarts = ["leader", "no", "node", "manager", "service", "services", "curl"]

    /// The candidates for the word being typed at the end of `text`, in a fixed order, each a
    /// whole word that starts with what has been typed of it.
    static func candidates(for text: String, hosts: [String]) -> [String] {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = text.isEmpty || text.last == " " ? "" : words.popLast() ?? ""
        var seen: [String] = []
        for c in choices(after: words, hosts: hosts) where c.hasPrefix(current) && !seen.contains(c) { seen.append(c) }
        return seen
    }

    static func choices(after words: [String], hosts: [String]) -> [String] {
        guard let first = words.first else { return statements + shellCommands + hosts.map { $0 + "$" } }
        if first.hasSuffix("$") { return docker(Array(words.dropFirst()), hosts: hosts) }
        switch first {
        case "partition", "isolate", "crash", "restart", "cut", "link": return hosts
        case "curl": return words.count == 1 ? hosts.map { $0 + ":" } : []
        case "show": return words.count == 1 ? ShowTarget.allCases.map(\.rawValue) : []
        case "wait" where words.count == 1: return ["until"]
        case "expect", "wait", "measure": return condition(after: words, hosts: hosts)
        default: return setting(after: words)
        }
    }

    /// After `HOST$`: `docker`, then a group or command, a subcommand, then its flags and hosts.
    static func docker(_ words: [String], hosts: [String]) -> [String] {
        guard let d = words.first else { return ["docker"] }
        guard d == "docker" else { return [] }
        let rest = Array(words.dropFirst())
        let commands = DockerCLI.commands
        guard let head = rest.first else {
            return DockerCLI.groups.map(\.name) + commands.filter { $0.path.count == 1 }.map { $0.path[0] }
        }
        if rest.count == 1, DockerCLI.groups.contains(where: { $0.name == head }) {
            return commands.filter { $0.path.count == 2 && $0.path[0] == head }.map { $0.path[1] }
        }
        guard let command = commands.first(where: { $0.path == Array(rest.prefix($0.path.count)) }) else { return [] }
        return command.flags.filter(\.isSupported).map { "--" + $0.name } + hosts
    }

    /// After a setting's first word: its second word (`raft prevote`), then its value where
    /// the value is a word from a list (`on`/`off`, `round-robin`, `ko`).
    static func setting(after words: [String]) -> [String] {
        let keys = SettingKey.allCases.filter { $0.words[0] == words[0] }
        if words.count == 1, keys.contains(where: { $0.words.count == 2 }) { return keys.map { $0.words[1] } }
        guard let key = keys.first(where: { $0.words == Array(words.prefix($0.words.count)) }),
              words.count == key.words.count else { return [] }
        switch key.kind {
        case .toggle: return ["on", "off"]
        case .choice(let choices): return choices
        default: return []
        }
    }

    /// The words of a condition (`expect`, `wait until`, `measure NAME until`).
    static func condition(after words: [String], hosts: [String]) -> [String] {
        let last = words[words.count - 1]
        let before = words.count >= 2 ? words[words.count - 2] : ""
        switch last {
        case "expect", "until": return conditionStarts
        case "leader": return ["for", "in", "is", "within", "timeout"]
        case "in", "is", "node", "manager": return hosts
        case "no": return ["leader"]
        case "services": return ["converged"]
        case "curl": return ["all-tasks-answered", "no-failures", "failures"]
        default: break
        }
        switch before {
        case "node": return ["ready", "down", "unknown", "active", "pause", "drain"]
        case "manager": return ["leader", "follower", "candidate", "pre-candidate", "term"]
        default: return words.first == "expect" ? ["within"] : words.first == "measure" && words.count == 2 ? ["until"] : ["timeout"]
        }
    }
}
