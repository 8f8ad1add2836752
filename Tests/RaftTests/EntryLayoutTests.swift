import Testing
@testable import Raft

/// A log holds up to a snapshot interval of entries (10000 in swarmkit), copied into stable
/// storage, Readies and append messages: an entry must stay a few words wide, whatever it
/// carries, and its copies must share one command.
@Suite struct EntryLayoutTests {
    /// A command sixteen words wide, like a record with a spec.
    struct WideCommand: Equatable {
        var a: UInt64 = 1, b: UInt64 = 2, c: UInt64 = 3, d: UInt64 = 4, e: UInt64 = 5, f: UInt64 = 6, g: UInt64 = 7, h: UInt64 = 8
        var i: UInt64 = 9, j: UInt64 = 10, k: UInt64 = 11, l: UInt64 = 12, m: UInt64 = 13, n: UInt64 = 14, o: UInt64 = 15, p: UInt64 = 16
    }

    @Test("an entry is three words, as wide with a sixteen-word command as with a one-byte one: payloads are boxed")
    func entryWidthIgnoresCommand() {
        #expect(MemoryLayout<WideCommand>.size == 128)
        #expect(MemoryLayout<Raft.Entry<WideCommand>>.size == MemoryLayout<Raft.Entry<UInt8>>.size)
        #expect(MemoryLayout<Raft.Entry<WideCommand>>.size == 24)
        let entry = Raft.Entry(term: 2, index: 7, payload: .command(WideCommand()))
        guard case .command(let command) = entry.payload else { Issue.record("not a command"); return }
        #expect(command == WideCommand())
    }

    /// A message is moved into an outbox, a Ready, the shell's queue and out again: at 64 bytes
    /// (its kind first, then sender, recipient and term) every move is four aligned blocks. With
    /// its kind last it was 57 bytes, and each move ended in overlapping unaligned stores.
    @Test("a message is 64 bytes whatever it carries: its kind first, and snapshots boxed")
    func messageIsSixtyFourBytes() {
        #expect(MemoryLayout<Raft.Message<WideCommand, WideCommand>>.size == 64)
        #expect(MemoryLayout<Raft.Message<UInt8, UInt8>>.size == 64)
        #expect(MemoryLayout<Raft.Message<WideCommand, WideCommand>>.offset(of: \.kind) == 0)
    }
}
