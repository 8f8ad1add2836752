/// A chunked body (RFC 9112 §7.1) decoded as its bytes arrive: the state survives between
/// reads, so no byte is decoded twice.
struct ChunkedBody {
    enum State: Equatable {
        /// Reading a chunk-size line (hex digits, optional `;extensions`).
        case size
        /// Copying this many more bytes of chunk data.
        case data(Int)
        /// The line break after a chunk's data.
        case dataEnd
        /// Trailer fields after the last chunk, up to an empty line.
        case trailers
        case done
    }

    /// The next byte of the connection's buffer to decode.
    var cursor: Int
    var state = State.size
    var data: [UInt8] = []
    /// Bytes of size lines and trailers, bounded so that a stream of them cannot grow forever.
    var framingBytes = 0

    init(cursor: Int) { self.cursor = cursor }

    /// Decodes what `buffer` holds past `cursor`; true once the body is complete.
    mutating func decode(_ buffer: [UInt8], limit: Int) throws(HTTPParseError) -> Bool {
        while state != .done {
            switch state {
            case .size:
                guard let line = try takeLine(buffer) else { return false }
                let sizeText = line.prefix(while: { $0 != UInt8(ascii: ";") })
                let hex = String(decoding: sizeText, as: UTF8.self)[...].trimmingSpaces
                guard !hex.isEmpty, hex.utf8.count <= 15, let n = Int(hex, radix: 16), n >= 0 else {
                    throw .bad("invalid chunk size")
                }
                guard data.count + n <= limit else { throw HTTPParseError(413, "request body too large") }
                state = n == 0 ? .trailers : .data(n)
            case .data(let n):
                let available = min(n, buffer.count - cursor)
                guard available > 0 else { return false }
                data.append(contentsOf: buffer[cursor..<(cursor + available)])
                cursor += available
                state = n == available ? .dataEnd : .data(n - available)
            case .dataEnd:
                guard let line = try takeLine(buffer) else { return false }
                guard line.isEmpty else { throw .bad("chunk data longer than its size") }
                state = .size
            case .trailers:
                guard let line = try takeLine(buffer) else { return false }
                if line.isEmpty { state = .done }
            case .done:
                break
            }
        }
        return true
    }

    /// The next line (without CR LF or LF), or nil until it is complete.
    mutating func takeLine(_ buffer: [UInt8]) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        guard let lf = buffer[cursor...].firstIndex(of: 0x0A) else {
            if buffer.count - cursor > 4096 { throw .bad("chunk framing line too long") }
            return nil
        }
        var end = lf
        if end > cursor, buffer[end - 1] == 0x0D { end -= 1 }
        let line = buffer[cursor..<end]
        framingBytes += lf + 1 - cursor
        if framingBytes > 64 * 1024 { throw .bad("too much chunk framing") }
        cursor = lf + 1
        return line
    }
}
