/// A dictionary keyed by ID strings (node IDs and the like) that finds a key in one cache line,
/// without reading the text of the other keys it passes.
///
/// A `[String: Value]` compares its probe with each key on the probe's way by text, a 25-character
/// ID's text lying in an allocation of its own, and keeps its keys and values in two arrays: in a
/// swarm of thousands of nodes, a lookup was several cache misses, on every heartbeat and for
/// every table it reads. Here a slot holds the key's 64-bit fingerprint, the key and the value
/// together, in one array probed linearly and kept at most half full; a slot's text is compared
/// only when the fingerprints agree, nearly always the key sought.
///
/// No iteration: nothing may depend on a hash table's order.
public struct IDDictionary<Value> {
    @usableFromInline struct Slot {
        @usableFromInline var fingerprint: UInt64
        @usableFromInline var id: String
        @usableFromInline var value: Value

        @inlinable init(fingerprint: UInt64, id: String, value: Value) {
            self.fingerprint = fingerprint; self.id = id; self.value = value
        }
    }

    /// A power of two long (or empty); nil for a free slot.
    @usableFromInline var slots: [Slot?] = []
    @usableFromInline var used = 0

    @inlinable public init() {}

    @inlinable public var count: Int { used }
    @inlinable public var isEmpty: Bool { used == 0 }

    /// The slot holding `id`, if any.
    @inlinable func find(_ id: String, fingerprint: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count &- 1
        var i = Int(truncatingIfNeeded: fingerprint) & mask
        while let slot = slots[i] {
            if slot.fingerprint == fingerprint && slot.id == id { return i }
            i = (i &+ 1) & mask
        }
        return nil
    }

    @inlinable public subscript(id: String) -> Value? {
        get { find(id, fingerprint: Self.fingerprint(of: id)).flatMap { slots[$0]?.value } }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Sets the value for `id`; returns the one it replaces, if any.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey id: String) -> Value? {
        let fingerprint = Self.fingerprint(of: id)
        if let i = find(id, fingerprint: fingerprint) {
            let old = slots[i]?.value
            slots[i]?.value = value
            return old
        }
        if (used &+ 1) &* 2 > slots.count { grow() }
        place(Slot(fingerprint: fingerprint, id: id, value: value))
        used &+= 1
        return nil
    }

    /// Removes `id`; returns its value, if it had one.
    @inlinable @discardableResult
    public mutating func removeValue(forKey id: String) -> Value? {
        guard var hole = find(id, fingerprint: Self.fingerprint(of: id)) else { return nil }
        let old = slots[hole]?.value
        // Backward-shift deletion: each slot after the hole, up to the next free one, moves into
        // the hole if its home is not between the hole and itself (it would not be found past
        // the hole otherwise).
        let mask = slots.count &- 1
        var j = hole
        while true {
            j = (j &+ 1) & mask
            guard let slot = slots[j] else { break }
            let home = Int(truncatingIfNeeded: slot.fingerprint) & mask
            let reachable = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j)
            if !reachable {
                slots[hole] = slot
                hole = j
            }
        }
        slots[hole] = nil
        used &-= 1
        return old
    }

    @inlinable public mutating func removeAll() {
        slots = []
        used = 0
    }

    /// Puts `slot` in the first free slot from its home (the key must not be there).
    @inlinable mutating func place(_ slot: Slot) {
        let mask = slots.count &- 1
        var i = Int(truncatingIfNeeded: slot.fingerprint) & mask
        while slots[i] != nil { i = (i &+ 1) & mask }
        slots[i] = slot
    }

    @inlinable mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: Swift.max(8, old.count &* 2))
        for case let slot? in old { place(slot) }
    }

    // MARK: Fingerprints

    /// A mix of the text's UTF-8, eight bytes at a time.
    @inlinable static func fingerprint(of text: String) -> UInt64 {
        if let h = text.utf8.withContiguousStorageIfAvailable({ fingerprint(of: UnsafeRawBufferPointer($0)) }) {
            return h
        }
        return Array(text.utf8).withUnsafeBytes { fingerprint(of: $0) }
    }

    @inlinable static func fingerprint(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i &+ 8 <= bytes.count {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) &<< shift
                shift &+= 8
                i &+= 1
            }
            h = mix(h ^ tail)
        }
        return h
    }

    /// SplitMix64's finalizer.
    @inlinable static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}

extension IDDictionary: ExpressibleByDictionaryLiteral {
    @inlinable public init(dictionaryLiteral elements: (String, Value)...) {
        for (id, value) in elements { updateValue(value, forKey: id) }
    }
}

extension IDDictionary.Slot: Sendable where Value: Sendable {}
extension IDDictionary: Sendable where Value: Sendable {}

extension IDDictionary: Equatable where Value: Equatable {
    /// The same IDs with equal values, wherever their slots lie.
    @inlinable public static func == (a: IDDictionary, b: IDDictionary) -> Bool {
        guard a.used == b.used else { return false }
        for case let slot? in a.slots {
            guard let i = b.find(slot.id, fingerprint: slot.fingerprint), b.slots[i]?.value == slot.value else { return false }
        }
        return true
    }
}
