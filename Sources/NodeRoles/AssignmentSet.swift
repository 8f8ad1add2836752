import Orchestration

/// What the dispatcher sends a node: every task the store assigns to it, in ID order. The
/// tasks it should run or stop come whole; the ones stopped for good (their desired state is
/// past running too) come as IDs only, all the agent needs of them being whether the store
/// still holds them.
package struct AssignmentSet: Sendable {
    package var tasks: [TaskRecord] = []
    package var stopped: [String] = []

    package init(tasks: [TaskRecord] = [], stopped: [String] = []) {
        self.tasks = tasks
        self.stopped = stopped
    }
}
