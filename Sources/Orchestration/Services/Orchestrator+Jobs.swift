import SimCore

// The jobs orchestrators (swarmkit manager/orchestrator/jobs/replicated/reconciler.go and
// jobs/global/reconciler.go): tasks with desired state `complete` that run until they do,
// replaced under the restart policy when they fail, counted per job iteration.

extension Orchestrator {
    /// Reconciles every job service: its current iteration's tasks are created, failed ones
    /// restarted, and tasks of an earlier iteration still running are removed.
    ///
    /// - Complexity: O(tasks of job services) per pass.
    mutating func reconcileJobs(_ work: inout Work, ids: inout IDGenerator) {
        for service in work.view.services where service.spec.isJob {
            var current: [TaskRecord] = []
            for task in work.view.tasks(ofService: service.id) {
                if task.jobIteration == service.jobIteration {
                    current.append(task)
                } else if task.status.state <= .running && task.desiredState != .remove {
                    work.setDesired(task.id, .remove)
                }
            }
            // A stopped task still wanted is restarted (swarmkit: a terminal state past complete).
            for task in current where task.isDesiredRunning && task.status.state > .complete {
                restart(task, service, &work, ids: &ids)
            }
            // The tasks as they are now, replacements included.
            current = work.view.tasks(ofService: service.id).filter { $0.jobIteration == service.jobIteration }
            switch service.spec.mode {
            case .replicatedJob(let maxConcurrent, let total):
                startReplicatedJobTasks(service, current, maxConcurrent: maxConcurrent, total: total, &work, ids: &ids)
            case .globalJob:
                startGlobalJobTasks(service, current, &work, ids: &ids)
            case .replicated, .global:
                break
            }
        }
    }

    /// swarmkit replicated job `ReconcileService`: tasks completed and tasks still wanted each
    /// hold a slot; new tasks go to free slots, no more than `maxConcurrent` wanted at once and
    /// no more than `total` completed or wanted. Slots are numbered from 0, as swarmkit numbers
    /// them; a slot-0 task is named by its node (`batch.<node ID>`), as docker/cli names any
    /// task without a slot number.
    mutating func startReplicatedJobTasks(_ service: ServiceRecord, _ tasks: [TaskRecord], maxConcurrent: Int, total: Int,
                                          _ work: inout Work, ids: inout IDGenerator) {
        var taken = Set<Int>()
        var completed = 0, running = 0
        for t in tasks {
            if t.status.state == .complete {
                completed += 1
                taken.insert(t.slot)
            } else if t.isDesiredRunning {
                running += 1
                taken.insert(t.slot)
            }
        }
        let new = max(0, min(maxConcurrent - running, total - completed - running))
        var slot = -1
        for _ in 0..<new {
            repeat { slot += 1 } while taken.contains(slot)
            work.emit(.putTask(Self.newTask(service, slot: slot, nodeID: nil, desired: .complete, ids: &ids, now: work.now)))
        }
    }

    /// swarmkit global job reconciler: one task to complete on every node a global service
    /// would run on (not down, not drained, not paused, meeting the constraints) that has no
    /// task of this iteration completed or still wanted.
    mutating func startGlobalJobTasks(_ service: ServiceRecord, _ tasks: [TaskRecord], _ work: inout Work, ids: inout IDGenerator) {
        let constraints = Self.constraints(of: service.spec.task)
        for node in Self.globalNodes(work.view) where node.availability == .active && Self.meets(constraints, node) {
            let covered = tasks.contains { t in t.nodeID == node.id && (t.status.state == .complete || t.isDesiredRunning) }
            if !covered {
                work.emit(.putTask(Self.newTask(service, slot: 0, nodeID: node.id, desired: .complete, ids: &ids, now: work.now)))
            }
        }
    }
}
