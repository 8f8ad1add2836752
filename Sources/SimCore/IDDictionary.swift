/// A dictionary keyed by ID strings (node IDs and the like) that finds a key without reading
/// the text of the other keys it passes.
///
/// A `[String: Value]` compares its probe with each key on the probe's way by text, and a
/// 25-character ID's text lies in an allocation of its own: in a swarm of thousands of nodes,
/// each key passed is a cache miss, on every heartbeat and for every table it reads. Here each
/// key carries a 64-bit fingerprint of its text, hashed and compared first; the text is compared
/// only when the fingerprints agree, nearly always the key sought.
///
/// No iteration: nothing may depend on a hash table's order (the order of a Swift dictionary
/// changes from process to process).
public struct IDDictionary<Value> {
    @usableFromInline struct FingerprintedID: Hashable, Sendable {
        @usableFromInline let fingerprint: UInt64
        @usableFromInline let text: String

        @inlinable init(_ text: String) {
            self.text = text
            fingerprint = FingerprintedID.fingerprint(of: text)
        }

        @inlinable static func == (a: FingerprintedID, b: FingerprintedID) -> Bool { a.fingerprint == b.fingerprint && a.text == b.text }
        @inlinable func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

        /// A mix of the text's UTF-8, eight bytes at a time.
        @inlinable static func fingerprint(of text: String) -> UInt64 {
            if let h = text.utf8.withContiguousStorageIfAvailable({ fingerprint(of: UnsafeRawBufferPointer($0)) }) {
                return h
            }
            var copy = Array(text.utf8)
            return copy.withUnsafeMutableBytes { fingerprint(of: UnsafeRawBufferPointer($0)) }
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

    @usableFromInline var storage: [FingerprintedID: Value] = [:]

    @inlinable public init() {}

    @inlinable public var count: Int { storage.count }
    @inlinable public var isEmpty: Bool { storage.isEmpty }

    @inlinable public subscript(id: String) -> Value? {
        get { storage[FingerprintedID(id)] }
        _modify { yield &storage[FingerprintedID(id)] }
    }

    /// Sets the value for `id`; returns the one it replaces, if any.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey id: String) -> Value? {
        storage.updateValue(value, forKey: FingerprintedID(id))
    }

    @inlinable public mutating func removeAll() { storage.removeAll() }
}

extension IDDictionary: ExpressibleByDictionaryLiteral {
    @inlinable public init(dictionaryLiteral elements: (String, Value)...) {
        for (id, value) in elements { storage[FingerprintedID(id)] = value }
    }
}

extension IDDictionary: Sendable where Value: Sendable {}
extension IDDictionary: Equatable where Value: Equatable {}
