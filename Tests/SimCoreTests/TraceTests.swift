import Testing
@testable import SimCore

@Suite struct TraceTests {
    @Test func lineHasTimeFirstAndFieldsInOrder() {
        var line = TraceLine(time: SimTime(nanoseconds: 1_500_000_000), event: "deliver")
        line.field("from", "m1")
        line.field("term", 3)
        line.field("ok", true)
        #expect(line.text == "{\"t\":1.5,\"ev\":\"deliver\",\"from\":\"m1\",\"term\":3,\"ok\":true}\n")
    }

    @Test func stringsAreEscaped() {
        #expect(TraceLine.quoted("a\"b\\c\nd\u{01}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
    }

    @Test func writerFlushesWholeLines() {
        var out: [UInt8] = []
        let w = TraceWriter(chunkSize: 10) { out += $0 }
        w.write(TraceLine(time: .zero, event: "a"))
        w.write(TraceLine(time: .zero, event: "b"))
        w.flush()
        #expect(String(decoding: out, as: UTF8.self) == "{\"t\":0,\"ev\":\"a\"}\n{\"t\":0,\"ev\":\"b\"}\n")
    }
}
