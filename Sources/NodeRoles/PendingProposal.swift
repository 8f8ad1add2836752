/// A write waiting for its entry to be applied. `ticket` names, for the shell, who waits for
/// it; the role only hands it back.
package struct PendingProposal: Sendable {
    package var index: UInt64
    package var term: UInt64
    package var ticket: UInt64

    package init(index: UInt64, term: UInt64, ticket: UInt64) {
        self.index = index; self.term = term; self.ticket = ticket
    }
}
