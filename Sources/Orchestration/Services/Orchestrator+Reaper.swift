import SimCore

// Service removal (swarmkit orchestrator `SetServiceTasksRemove`) and the task reaper
// (swarmkit manager/orchestrator/taskreaper/task_reaper.go).

extension Orchestrator {
    // MARK: Removed services

    /// Tasks whose service is gone get desired state `remove`: their agents shut them down and
    /// the reaper deletes them. The orchestrator forgets the service's restart history and
    /// rolling update.
    mutating func removeTasksOfDeletedServices(_ work: inout Work) {
        for serviceID in work.view.taskTable.serviceIDs where work.view.service(id: serviceID) == nil {
            for task in work.view.tasks(ofService: serviceID) where task.desiredState < .remove {
                work.setDesired(task.id, .remove)
            }
            updaters[serviceID] = nil
        }
        // Order does not matter here: every entry of a gone service is dropped.
        restartHistory = restartHistory.filter { work.view.service(id: $0.key.serviceID) != nil }
        for id in updaters.keys.sorted() where work.view.service(id: id) == nil { updaters[id] = nil }
    }

    // MARK: Reaper

    /// Deletes tasks nobody needs any more:
    /// - tasks with desired state `remove` once they have stopped or if they never reached a
    ///   node (state below `assigned`, or `complete` and later);
    /// - in every slot holding more tasks than the cluster's task history limit, the oldest
    ///   (by status time) that are not running or about to, until the slot is within the limit.
    ///   A negative limit keeps everything.
    ///
    /// swarmkit looks at a slot when a task is created in it; looking at every slot on every
    /// pass gives the same result, and also trims slots at once when the limit is lowered.
    func reapTasks(_ work: inout Work) {
        for task in work.view.taskTable.removing where task.status.state < .assigned || task.status.state >= .complete {
            work.emit(.removeTask(id: task.id))
        }
        let limit = work.view.cluster?.taskHistoryLimit ?? 5
        guard limit >= 0 else { return }
        for slot in work.view.taskTable.slotsWithHistory where work.view.taskTable.count(in: slot) > limit {
            guard work.view.service(id: slot.serviceID) != nil else { continue }
            let tasks = work.view.tasks(in: slot).sorted {
                $0.status.timestamp != $1.status.timestamp ? $0.status.timestamp < $1.status.timestamp : $0.id < $1.id
            }
            var kept = tasks.count
            for task in tasks where kept > limit {
                if (task.desiredState == .running || task.desiredState == .complete) && task.status.state <= .running { continue }
                work.emit(.removeTask(id: task.id))
                kept -= 1
            }
        }
    }
}
