/// Checks the words of a host's command line (`docker` and what follows it) and throws the
/// diagnostic a bad one deserves.
public typealias CommandCheck = ([Word]) throws(Diagnostic) -> Void
