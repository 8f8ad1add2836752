/// A file the CLI could not read or write, by path.
enum CLIError: Error {
    case cannotRead(String)
    case cannotWrite(String)
}
