extension TaskRecord {
    /// Whether the task runs its service's current spec: what the task list's `_up-to-date`
    /// filter keeps (moby passes it to swarmkit's `ListTasks`, which leaves out the tasks
    /// `orchestrator.IsTaskDirty` calls dirty). docker/cli's progress display follows only these.
    public func isUpToDate(with service: ServiceRecord) -> Bool { !Orchestrator.isDirty(self, for: service) }
}
