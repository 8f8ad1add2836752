/// The calls sent and not yet answered, by ID.
///
/// IDs are handed out in order and nearly every call ends within a round trip (answered) or at
/// its timeout, so the table is a window of slots from the oldest open call to the newest:
/// finding a call is an index, not a hash (a steady swarm files, finds and removes two calls
/// per heartbeat). A call left open while `windowLimit` newer ones were made (a docker call
/// with a long deadline) moves aside into a dictionary, so the window stays bounded.
struct CallTable {
    /// The ID of `slots[head]`.
    private var base: CallID = 0
    private var slots: [PendingCall?] = []
    private var head = 0
    private var aside: [CallID: PendingCall] = [:]
    static let windowLimit = 1 << 16

    subscript(id: CallID) -> PendingCall? {
        if id < base { return aside[id] }
        let i = head + Int(id - base)
        return i < slots.count ? slots[i] : nil
    }

    /// Files `call` under `id`, which is higher than any filed before.
    mutating func insert(_ call: PendingCall, id: CallID) {
        if head == slots.count {
            slots.removeAll(keepingCapacity: true)
            (head, base) = (0, id)
        }
        while base + CallID(slots.count - head) < id { slots.append(nil) }
        slots.append(call)
        while slots.count - head > Self.windowLimit {
            if let old = slots[head] { aside[base] = old }
            advance()
        }
    }

    /// Removes and returns the call `id`, if it is open.
    mutating func remove(_ id: CallID) -> PendingCall? {
        if id < base { return aside.removeValue(forKey: id) }
        let i = head + Int(id - base)
        guard i < slots.count, let call = slots[i] else { return nil }
        slots[i] = nil
        while head < slots.count, slots[head] == nil { advance() }
        return call
    }

    /// Moves the window's start past its first slot; drops the slots before it once they are
    /// half the buffer.
    private mutating func advance() {
        head += 1
        base += 1
        if head == slots.count {
            slots.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= slots.count {
            slots.removeFirst(head)
            head = 0
        }
    }
}
