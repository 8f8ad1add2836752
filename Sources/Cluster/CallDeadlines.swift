import SimCore

/// The deadlines of the calls sent, earliest first, by (time, event ID), the ID reserved in the
/// simulator when the call was made.
///
/// Nearly every call is answered within a round trip, long before its deadline, so a timeout
/// event per call would almost always find nothing to do, and would keep the event queue some
/// thousand events longer per thousand nodes. Instead only the earliest deadline that may still
/// fire is an event (`Swarm.armCallDeadline`), scheduled under its reserved ID, so that it runs
/// exactly where the call's own timeout event would have. Answered calls leave their entries
/// here until they come first, then are dropped without an event.
///
/// Kept in lanes, one per timeout in use: calls made with the same timeout have their deadlines
/// in the order they were made (later, or as late with a later ID), so each lane is a queue
/// already sorted, added to at its end and taken from its front, and the first deadline is the
/// first among the lanes' fronts. A heap of a swarm's deadlines (three per thousand nodes and
/// heartbeat period) sifted every entry through levels that lay far apart in memory.
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

    private struct Lane {
        let timeout: SimDuration
        /// Sorted; the entries before `head` are gone.
        var entries: [Entry] = []
        var head = 0

        var front: Entry? { head < entries.count ? entries[head] : nil }
    }

    /// Lanes stay while empty, for the next call with their timeout, unless there are more than
    /// this many.
    private static let lanesKept = 4

    private var lanes: [Lane] = []
    /// The lane whose front is the first entry; nil when there are no entries.
    private var firstLane: Int?

    var first: Entry? { firstLane.flatMap { lanes[$0].front } }

    /// Marks the first entry's timeout event as scheduled.
    mutating func markFirstScheduled() {
        guard let l = firstLane else { return }
        lanes[l].entries[lanes[l].head].scheduled = true
    }

    /// Adds `entry`, the deadline of a call made with `timeout`; returns whether it is now the
    /// first.
    mutating func insert(_ entry: Entry, timeout: SimDuration) -> Bool {
        let current = first
        let l: Int
        if let known = lanes.firstIndex(where: { $0.timeout == timeout }) {
            l = known
        } else {
            l = lanes.count
            lanes.append(Lane(timeout: timeout))
        }
        if let last = lanes[l].entries.last, entry.precedes(last) {
            // Not the order calls are made in (none makes it so); kept right all the same.
            let waiting = lanes[l].entries[lanes[l].head...]
            lanes[l].entries.insert(entry, at: waiting.firstIndex { entry.precedes($0) } ?? waiting.endIndex)
        } else {
            lanes[l].entries.append(entry)
        }
        guard let current, !entry.precedes(current) else {
            firstLane = l
            return true
        }
        return false
    }

    /// Removes the first entry.
    mutating func removeFirst() {
        guard let l = firstLane else { return }
        lanes[l].head += 1
        if lanes[l].head == lanes[l].entries.count {
            if lanes.count > Self.lanesKept {
                lanes.remove(at: l)
            } else {
                lanes[l].entries.removeAll(keepingCapacity: true)
                lanes[l].head = 0
            }
        } else if lanes[l].head >= 64, lanes[l].head * 2 >= lanes[l].entries.count {
            lanes[l].entries.removeFirst(lanes[l].head)
            lanes[l].head = 0
        }
        firstLane = nil
        var best: Entry?
        for i in lanes.indices {
            guard let front = lanes[i].front else { continue }
            if best.map({ front.precedes($0) }) ?? true { best = front; firstLane = i }
        }
    }
}
