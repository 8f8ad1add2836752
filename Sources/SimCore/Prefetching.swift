import Prefetch

extension Array {
    /// Asks the processor to start loading the cache lines of element `index`'s first `bytes`
    /// (all of it by default), without waiting for them: a hint that changes nothing, for a
    /// read a few hundred instructions on that would otherwise wait for memory. Nothing for an
    /// index out of range.
    @inlinable
    public func prefetch(_ index: Int, bytes: Int = MemoryLayout<Element>.stride) {
        guard index >= 0, index < count else { return }
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let start = UnsafeRawPointer(base + index)
            // Every line from the one holding the first byte to the one holding the last.
            let first = Int(bitPattern: start) & ~63
            for line in stride(from: first, to: Int(bitPattern: start) + bytes, by: 64) {
                swarmsim_prefetch(UnsafeRawPointer(bitPattern: line))
            }
        }
    }
}
