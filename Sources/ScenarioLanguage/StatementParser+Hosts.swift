// `hosts m1..m3 w1..w5 cpus=4 memory=8GiB labels=zone=a,ssd=true ip=192.168.0.10`

extension StatementParser {
    /// The most hosts one range may expand to, and the most a scenario may declare.
    static let maxHostsPerRange = 1_000
    static let maxHosts = 10_000

    static let hostOptions = ["cpus", "memory", "labels", "ip"]

    mutating func parseHosts(_ head: Word, _ rest: ArraySlice<Word>) throws(Diagnostic) -> Statement {
        var names: [(String, Word)] = []
        var nanoCPUs: Int64?, memory: Int64?, labels: [Label]?, ip: (IPv4Address, Word)?
        var seenOptions: [String] = []
        for word in rest {
            let text = try literal(word)
            guard let eq = text.firstIndex(of: "=") else {
                for name in try expandHostNames(word) {
                    if names.contains(where: { $0.0 == name }) {
                        throw Diagnostic(at: word, "host '\(name)' is declared twice in this statement")
                    }
                    names.append((name, word))
                }
                continue
            }
            let key = String(text[..<eq])
            let value = subword(word, droppingPrefix: key.count + 1, text: String(text[text.index(after: eq)...]))
            guard Self.hostOptions.contains(key) else {
                throw Diagnostic(at: word, "unknown host option \(key.quotedForMessage)",
                                 hint: Suggestions.hint(for: key, among: Self.hostOptions) ?? "host options: cpus=, memory=, labels=, ip=")
            }
            if seenOptions.contains(key) { throw Diagnostic(at: word, "\(key)= is given twice") }
            seenOptions.append(key)
            try hostOption(key, value, nanoCPUs: &nanoCPUs, memory: &memory, labels: &labels, ip: &ip)
        }
        guard !names.isEmpty else {
            throw Diagnostic(at: head, "missing host names after 'hosts'", hint: "for example: hosts m1..m3 w1..w3")
        }
        guard hosts.count + names.count <= Self.maxHosts else {
            throw Diagnostic(at: head, "too many hosts: a scenario may declare at most \(Self.maxHosts)")
        }
        let declared = try hostDeclarations(names, nanoCPUs: nanoCPUs, memory: memory, labels: labels, ip: ip)
        for host in declared {
            hostIndex[host.name] = hosts.count
            hosts.append(host)
            if let ip = host.ip { addressOwners[ip.value] = host.name }
        }
        return .hosts(declared)
    }

    /// Reads one `key=value` host option (the key already checked) into its variable.
    func hostOption(_ key: String, _ value: Word, nanoCPUs: inout Int64?, memory: inout Int64?,
                    labels: inout [Label]?, ip: inout (IPv4Address, Word)?) throws(Diagnostic) {
        switch key {
        case "cpus":
            guard case .success(let n) = ValueSyntax.parseNanoCPUs(value.text), n > 0 else {
                throw Diagnostic(at: value, "invalid CPU count \(value.text.quotedForMessage)",
                                 hint: "a positive decimal with at most 9 digits after the point, for example cpus=4 or cpus=0.5")
            }
            nanoCPUs = n
        case "memory":
            guard let n = ValueSyntax.parseMemoryBytes(value.text), n > 0 else {
                throw Diagnostic(at: value, "invalid memory size \(value.text.quotedForMessage)",
                                 hint: "a size such as 8GiB, 512MiB or 2G (units B, KiB, MiB, GiB, TiB, KB, MB, GB; K and KiB both mean 1024 bytes, as in docker)")
            }
            memory = n
        case "labels":
            labels = try parseLabels(value)
        default:
            guard let address = IPv4Address(value.text) else {
                throw Diagnostic(at: value, "invalid IPv4 address \(value.text.quotedForMessage)", hint: "for example: ip=192.168.0.10")
            }
            ip = (address, value)
        }
    }

    /// The declarations of `names`, in order, with the options given; `ip=` is the first host's
    /// address, the next hosts take the next ones.
    func hostDeclarations(_ names: [(String, Word)], nanoCPUs: Int64?, memory: Int64?, labels: [Label]?,
                          ip: (IPv4Address, Word)?) throws(Diagnostic) -> [HostDeclaration] {
        var declared: [HostDeclaration] = []
        for (index, (name, word)) in names.enumerated() {
            if let earlier = hostIndex[name] {
                throw Diagnostic(at: word, "host '\(name)' is already declared",
                                 hint: "it was declared at line \(hosts[earlier].location.line)")
            }
            var address: IPv4Address?
            if let (first, ipWord) = ip {
                let (v, overflow) = first.value.addingReportingOverflow(UInt32(index))
                guard !overflow else { throw Diagnostic(at: ipWord, "addresses from \(first) run past 255.255.255.255 for \(names.count) hosts") }
                address = IPv4Address(v)
                if let owner = addressOwners[v] {
                    throw Diagnostic(at: ipWord, "address \(IPv4Address(v)) of '\(name)' is already taken by '\(owner)'")
                }
            }
            declared.append(HostDeclaration(name: name, nanoCPUs: nanoCPUs, memoryBytes: memory, labels: labels ?? [],
                                            ip: address, location: word.location))
        }
        return declared
    }

    /// `w1..w5` (or `w1..5`) → w1 w2 w3 w4 w5; `w01..w10` keeps the width; a plain name is
    /// itself. Names start with a letter and hold letters, digits, `-`, `_` and `.`.
    func expandHostNames(_ word: Word) throws(Diagnostic) -> [String] {
        let text = word.text
        guard let dots = text.firstRange(of: "..") else {
            try checkHostName(text, word)
            return [text]
        }
        let left = String(text[..<dots.lowerBound]), right = String(text[dots.upperBound...])
        let (prefix, startDigits) = Self.splitTrailingDigits(left)
        let (rightPrefix, endDigits) = Self.splitTrailingDigits(right)
        let usage = "a range is NAME1..NAME9 with one prefix, for example w1..w5"
        guard !startDigits.isEmpty, !endDigits.isEmpty, rightPrefix.isEmpty || rightPrefix == prefix,
              let start = Int(startDigits), let end = Int(endDigits) else {
            throw Diagnostic(at: word, "invalid host range \(text.quotedForMessage)", hint: usage)
        }
        try checkHostName(prefix + startDigits, word)
        guard start <= end else {
            throw Diagnostic(at: word, "host range \(text.quotedForMessage) goes down", hint: "write the lower number first")
        }
        guard end - start < Self.maxHostsPerRange else {
            throw Diagnostic(at: word, "host range \(text.quotedForMessage) has \(end - start + 1) hosts; a range may have at most \(Self.maxHostsPerRange)")
        }
        let width = startDigits.hasPrefix("0") ? startDigits.count : 0
        return (start...end).map { n in
            let digits = String(n)
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    static func splitTrailingDigits(_ s: String) -> (String, String) {
        let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }
        return (String(s.dropLast(digits.count)), String(digits.reversed()))
    }

    /// A host name becomes the node's hostname, which Linux keeps to ASCII (RFC 1123 allows
    /// letters, digits and '-'; `_` and `.` are allowed here as well, as `hostname` accepts
    /// them). The message says what is allowed, not only what is wrong: `마스터` is made of
    /// letters, just not ASCII ones.
    func checkHostName(_ name: String, _ word: Word) throws(Diagnostic) {
        let scalars = Array(name.unicodeScalars)
        let allowed = "use ASCII letters a-z and A-Z, digits, '-', '_' and '.', starting with a letter"
        let valid = scalars.first.map(ValueSyntax.isASCIILetter) == true
            && scalars.allSatisfy { ValueSyntax.isASCIILetter($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard valid else {
            let hint = scalars.contains(where: { !$0.isASCII })
                ? "a host name is the node's hostname, which is ASCII on Linux; for example: hosts master1 worker1"
                : nil
            throw Diagnostic(at: word, "invalid host name \(name.quotedForMessage): \(allowed)", hint: hint)
        }
        guard scalars.count <= 63 else { throw Diagnostic(at: word, "host name \(name.quotedForMessage) is longer than 63 characters") }
    }

    /// `zone=a,ssd=true,gpu`: labels in the order written.
    func parseLabels(_ word: Word) throws(Diagnostic) -> [Label] {
        var labels: [Label] = []
        for piece in pieces(of: word) {
            let (key, value) = ValueSyntax.splitKeyValue(piece.text)
            guard !key.isEmpty else {
                throw Diagnostic(at: piece, "label \(piece.text.quotedForMessage) has no key", hint: "for example: labels=zone=a,ssd=true")
            }
            if labels.contains(where: { $0.key == key }) { throw Diagnostic(at: piece, "label '\(key)' is given twice") }
            labels.append(Label(key: key, value: value ?? ""))
        }
        guard !labels.isEmpty else {
            throw Diagnostic(at: word, "missing labels after 'labels='", hint: "for example: labels=zone=a,ssd=true")
        }
        return labels
    }
}
