/// Collects trace lines and hands them to a sink in chunks (a file, a buffer in a test).
/// When disabled it costs one branch per call site: `if trace.isEnabled { … }`.
public final class TraceWriter {
    public let isEnabled: Bool
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void
    private let chunkSize: Int

    /// A writer that discards everything.
    public static func disabled() -> TraceWriter { TraceWriter(enabled: false, sink: { _ in }) }

    public init(enabled: Bool = true, chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.isEnabled = enabled
        self.sink = sink
        self.chunkSize = chunkSize
    }

    public func write(_ line: TraceLine) {
        guard isEnabled else { return }
        buffer.append(contentsOf: line.bytes)
        buffer.append(contentsOf: [UInt8(ascii: "}"), 10])
        if buffer.count >= chunkSize { flush() }
    }

    /// Appends whole lines that another writer finished (a writer whose sink reads a run's
    /// trace and passes it on here).
    public func write(finishedLines bytes: ArraySlice<UInt8>) {
        guard isEnabled else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands everything buffered to the sink.
    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
