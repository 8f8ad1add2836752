/// A command line after `parseArguments`: option values, flags and positionals, in order.
struct ParsedArguments {
    var values: [(String, String)] = []
    var flags: [String] = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values.last(where: { $0.0 == name })?.1 }
    func has(_ name: String) -> Bool { flags.contains(name) }
}
