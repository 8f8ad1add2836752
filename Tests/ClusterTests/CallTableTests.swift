import Testing
import SimCore
@testable import Cluster

@Suite struct CallTableTests {
    func call(_ host: Int) -> PendingCall {
        PendingCall(caller: HostID(host), callerIncarnation: 1, purpose: .heartbeat)
    }

    @Test func callsAreFoundUntilRemovedInAnyOrder() {
        var table = CallTable()
        for id in 1...5 { table.insert(call(Int(id)), id: CallID(id)) }
        #expect(table.remove(3)?.caller == HostID(3))
        #expect(table[3] == nil && table.remove(3) == nil)
        #expect(table.remove(1)?.caller == HostID(1))
        #expect(table[2]?.caller == HostID(2))
        #expect(table[5]?.caller == HostID(5))
        #expect(table[6] == nil && table[0] == nil)
        for id in [2, 4, 5] { #expect(table.remove(CallID(id)) != nil) }
        // Empty again: IDs go on from where they were, gaps included.
        table.insert(call(9), id: 9)
        #expect(table[9]?.caller == HostID(9) && table[8] == nil && table[5] == nil)
    }

    @Test func aCallLeftOpenLongMovesAsideAndIsStillFound() {
        var table = CallTable()
        table.insert(call(1), id: 1)
        let newer = CallTable.windowLimit + 10
        for id in 2...newer {
            table.insert(call(2), id: CallID(id))
            if id > 2 { #expect(table.remove(CallID(id - 1)) != nil) }
        }
        #expect(table[1]?.caller == HostID(1))
        #expect(table[CallID(newer)]?.caller == HostID(2))
        #expect(table.remove(1)?.caller == HostID(1))
        #expect(table[1] == nil)
        #expect(table.remove(CallID(newer)) != nil && table[CallID(newer)] == nil)
    }
}
