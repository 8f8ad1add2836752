// What docker/cli prints about the unlock key (cli/command/swarm/unlock_key.go
// `printUnlockCommand`, as docker 28.2.2 words it).

extension DockerFormat {
    package static func unlockCommand(key: String) -> String {
        guard !key.isEmpty else { return "" }
        return "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n"
            + "command and provide the following key:\n\n    \(key)\n\n"
            + "Remember to store this key in a password manager, since without it you\n"
            + "will not be able to restart the manager.\n"
    }
}
