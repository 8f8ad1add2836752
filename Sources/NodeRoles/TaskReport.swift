import Orchestration

/// One task's new observed status, from the agent running it.
package struct TaskReport: Sendable {
    package var taskID: String
    package var status: TaskStatus

    package init(taskID: String, status: TaskStatus) { self.taskID = taskID; self.status = status }
}
