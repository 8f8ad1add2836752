/// A `swarmsim` subcommand: its name, help, option table and what it does.
protocol Subcommand {
    static var name: String { get }
    static var help: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, io: IO) throws(UsageError) -> Int32
}
