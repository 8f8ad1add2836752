import SimCore

/// The deadlines of the calls sent, earliest first: a binary min-heap of (time, event ID), the
/// ID reserved in the simulator when the call was made.
///
/// Nearly every call is answered within a round trip, long before its deadline, so a timeout
/// event per call would almost always find nothing to do, and would keep the event queue some
/// thousand events longer per thousand nodes. Instead only the earliest deadline that may still
/// fire is an event (`Swarm.armCallDeadline`), scheduled under its reserved ID, so that it runs
/// exactly where the call's own timeout event would have. Answered calls leave their entries
/// here until they come first, then are dropped without an event.
struct CallDeadlines {
    struct Entry {
        let time: SimTime
        let order: EventID
        let call: CallID
        /// Whether its timeout event is in the simulator's queue.
        var scheduled = false

        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    private var heap: [Entry] = []

    var first: Entry? { heap.first }

    /// Marks the first entry's timeout event as scheduled.
    mutating func markFirstScheduled() { heap[0].scheduled = true }

    /// Adds `entry`; returns whether it is now the first.
    mutating func insert(_ entry: Entry) -> Bool {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
        return child == 0
    }

    /// Removes the first entry.
    mutating func removeFirst() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            let right = left + 1
            let child = right < heap.count && heap[right].precedes(heap[left]) ? right : left
            guard heap[child].precedes(last) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = last
    }
}
