/// What settling a manager's proposals after a Ready calls for: the writers to answer.
package struct ManagerSettled {
    /// Proposals whose entries are applied: answer them with success.
    package var answered: [PendingProposal]
    /// Proposals a lost leadership strands: answer them with a failure.
    package var lost: [PendingProposal]
}
