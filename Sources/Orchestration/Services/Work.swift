import SimCore

/// The store as the pass has changed it so far, the commands that changed it, and the
/// earliest time to come back.
struct Work {
    var view: ClusterStore
    let now: SimTime
    var commands: [StoreCommand] = []
    var wakeAt: SimTime?

    init(view: ClusterStore, now: SimTime) {
        self.view = view
        self.now = now
    }

    /// Records `command` and applies it to the working copy.
    mutating func emit(_ command: StoreCommand) {
        commands.append(command)
        view.apply(command, at: view.appliedIndex)
    }

    /// Asks to be called again at `time` (ignored unless it is in the future).
    mutating func wake(at time: SimTime) {
        guard time > now else { return }
        wakeAt = Swift.min(wakeAt ?? time, time)
    }

    mutating func setDesired(_ taskID: String, _ state: TaskState) {
        guard let t = view.task(id: taskID), state > t.desiredState else { return }
        emit(.setTaskDesiredState(id: taskID, state, at: now))
    }
}
