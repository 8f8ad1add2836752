/// A write waiting for its entry to be applied; `waiter` is whoever is to hear of it.
package struct PendingProposal<Waiter> {
    package var index: UInt64
    package var term: UInt64
    package var waiter: Waiter

    package init(index: UInt64, term: UInt64, waiter: Waiter) {
        self.index = index; self.term = term; self.waiter = waiter
    }
}
