// `docker stack …` in the table of simulated commands (docker/cli cli/command/stack, 28.2.2).

extension DockerCLI {
    static let composeFile = FlagSpec("compose-file", "c", .text)

    static let stackCommands: [Command] = [
        Command(["stack", "deploy"], aliases: ["up"], usage: "docker stack deploy [OPTIONS] STACK",
                summary: "Deploy a new stack or update an existing stack", flags: [
            composeFile, FlagSpec("prune", nil, .bool), FlagSpec("resolve-image", nil, .text),
            FlagSpec("detach", "d", .bool), quiet, .unsupported("with-registry-auth"), .unsupported("help"),
        ], arguments: .exactly(1)),
        Command(["stack", "ls"], aliases: ["list"], usage: "docker stack ls [OPTIONS]", summary: "List stacks",
                flags: [format, .unsupported("help")], arguments: .none),
        Command(["stack", "ps"], usage: "docker stack ps [OPTIONS] STACK", summary: "List the tasks in the stack", flags: [
            FlagSpec("no-trunc", nil, .bool), quiet, filter, format, .unsupported("no-resolve"), .unsupported("help"),
        ], arguments: .exactly(1)),
        Command(["stack", "rm"], aliases: ["remove", "down"], usage: "docker stack rm [OPTIONS] STACK [STACK...]",
                summary: "Remove one or more stacks", flags: [FlagSpec("detach", "d", .bool), .unsupported("help")],
                arguments: .atLeast(1)),
        Command(["stack", "services"], usage: "docker stack services [OPTIONS] STACK", summary: "List the services in the stack",
                flags: [quiet, filter, format, .unsupported("help")], arguments: .exactly(1)),
        Command(["stack", "config"], usage: "docker stack config [OPTIONS]",
                summary: "Outputs the final config file, after doing merges and interpolations",
                flags: [composeFile, .unsupported("skip-interpolation"), .unsupported("help")], arguments: .none),
    ]
}
