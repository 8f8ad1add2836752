import Cluster
import ScenarioLanguage
import DockerClient

/// `HOST$ echo … | docker …` and `HOST$ printf … | docker …`: the docker command reads what
/// the shell builtin writes.
extension ScenarioRunner {
    func pipedDocker(_ host: String, _ input: StandardInput, _ command: [Word], at s: ScriptStatement) throws(Diagnostic) -> String {
        let texts = try input.words.map { w throws(Diagnostic) in try w.expanded(variable) }
        let bytes = Array(StandardInput.output(of: input, expanded: texts).utf8)
        let swarm = try ensureSwarm()
        var cli = DockerCommandRun(runner: self, swarm: swarm, host: try hostID(host, at: s.location),
                                   invocation: try DockerCLI.parseOrThrow(command))
        cli.input = bytes
        return try cli.run()
    }
}
