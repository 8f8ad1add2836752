// The pending tasks of one pass, sorted into groups (swarmkit scheduler.go `tick`).

extension Scheduler {
    /// The tasks of one scheduling pass, grouped: one group per (service, spec version), in
    /// order of each group's first task, then one group per task without a service, in input
    /// order (swarmkit schedules its `tasksByCommonSpec` groups, then the one-off tasks).
    struct TaskBatch: Sendable {
        struct Group: Sendable {
            /// The group's tasks are `order[start ..< end]`, in input order.
            var start: Int
            var end: Int
            /// The task whose placement fields speak for the group.
            var representative: Int
            /// The service's slot in `serviceIDs`, or -1 for a task without a service.
            var serviceSlot: Int
            var count: Int { end - start }
        }

        var groups: [Group] = []
        /// Task indices, group after group.
        var order: [Int32] = []
        /// The group of each task.
        var groupOfTask: [Int32] = []
        /// Distinct service IDs of the batch, first appearance first.
        var serviceIDs: [String] = []
        /// Service ID → slot in `serviceIDs` (lookups only).
        var serviceSlots: [String: Int] = [:]
        /// (service, spec version) → group (lookups only).
        var groupOfVersion: [VersionedService: Int] = [:]

        init(_ tasks: [TaskSpec]) {
            groupOfTask = [Int32](repeating: 0, count: tasks.count)
            var sizes: [Int] = []
            var representatives: [Int] = []
            var slots: [Int] = []
            var oneOffs: [Int] = []
            var last: (service: String, version: Int, group: Int)?
            for (i, task) in tasks.enumerated() {
                guard let service = task.serviceID else {
                    oneOffs.append(i)
                    continue
                }
                let g: Int
                if let l = last, l.version == task.specVersion, l.service == service {
                    g = l.group
                } else {
                    let key = VersionedService(serviceID: service, specVersion: task.specVersion)
                    if let existing = groupOfVersion[key] {
                        g = existing
                    } else {
                        g = sizes.count
                        groupOfVersion[key] = g
                        sizes.append(0)
                        representatives.append(i)
                        if let slot = serviceSlots[service] {
                            slots.append(slot)
                        } else {
                            serviceSlots[service] = serviceIDs.count
                            slots.append(serviceIDs.count)
                            serviceIDs.append(service)
                        }
                    }
                    last = (service, task.specVersion, g)
                }
                sizes[g] += 1
                groupOfTask[i] = Int32(g)
            }
            for i in oneOffs {
                groupOfTask[i] = Int32(sizes.count)
                sizes.append(1)
                representatives.append(i)
                slots.append(-1)
            }
            // Counting sort of task indices by group, stable.
            var start = 0
            groups.reserveCapacity(sizes.count)
            for g in sizes.indices {
                groups.append(Group(start: start, end: start, representative: representatives[g], serviceSlot: slots[g]))
                start += sizes[g]
            }
            order = [Int32](repeating: 0, count: tasks.count)
            for i in tasks.indices {
                let g = Int(groupOfTask[i])
                order[groups[g].end] = Int32(i)
                groups[g].end += 1
            }
        }
    }
}
