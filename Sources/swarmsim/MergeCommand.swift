import SimCore
import ScenarioLanguage
import DockerClient
import Experiments

/// `swarmsim merge FILE.json…`: the sweep report of shards run apart.
enum MergeCommand: Subcommand {
    static let name = "merge"
    static let options = [
        OptionSpec(name: "--json", takesValue: false, help: "Print the merged results as JSON (to merge again)"),
        OptionSpec(name: "--plot", takesValue: true, valueName: "FILE.svg", help: "Write the CDF of each measure, a curve per setting, as SVG"),
        OptionSpec(name: "--plot-log", takesValue: false, help: "With --plot: a logarithmic time axis"),
    ]
    static var help: String {
        """
        USAGE: swarmsim merge FILE.json... [options]

        Combines the results of 'swarmsim sweep --shard K/N --json' runs into the report one
        unsharded sweep prints, byte for byte. The files must be shards of one sweep (same
        scenario file, seeds and N), each shard at most once; a partial set gives a partial
        report that names the shards it holds.

        OPTIONS:
        \(optionsHelp(options))
        EXAMPLE:
          swarmsim merge shard-1.json shard-2.json shard-3.json shard-4.json

        """
    }

    static func run(_ args: ParsedArguments, io: IO) throws(UsageError) -> Int32 {
        guard !args.positionals.isEmpty else {
            throw UsageError(message: "missing results to merge", hint: "swarmsim merge shard-*.json")
        }
        var parts: [SweepResults] = []
        for path in args.positionals {
            let bytes: [UInt8]
            do { bytes = try io.readFile(path) } catch { throw UsageError(message: "\(path): no such file") }
            let documents = SweepResults.documents(bytes)
            for document in documents.isEmpty ? [bytes] : documents {
                do { parts.append(try SweepResults(json: document)) } catch {
                    throw UsageError(message: "\(path): \(error.message)", hint: "merge takes the output of 'swarmsim sweep … --json'")
                }
            }
        }
        let merged: [SweepResults]
        do { merged = try SweepResults.mergeBySetting(parts) } catch {
            throw UsageError(message: error.message, hint: "merge the shards of one 'swarmsim sweep FILE --seeds A..B --shard K/N' run")
        }
        return try SweepCommand.output(merged, args, io: io)
    }
}
