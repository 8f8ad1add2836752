import Testing
import SimCore

@Suite struct IDDictionaryTests {
    /// Random inserts, updates and removals, some through the subscript, checked after each
    /// against a `Dictionary`; IDs from a pool so that keys come and go many times (a pool of a
    /// few keeps the table at 8 or 16 slots, where runs of slots often wrap around its end).
    @Test(arguments: [(1, 300), (2, 300)] + (3...40).map { ($0, 5 + Int($0 % 4)) } as [(UInt64, Int)])
    func behavesAsADictionary(seed: UInt64, poolSize: Int) {
        var random = SeededRandom(seed: seed)
        var table = IDDictionary<Int>()
        var reference: [String: Int] = [:]
        let pool = (0..<poolSize).map { "node\(seed).\($0)-" + String(repeating: "x", count: $0 % 30) }
        for step in 0..<(poolSize > 100 ? 20_000 : 3_000) {
            let id = pool[Int(random.below(UInt64(pool.count)))]
            switch random.below(5) {
            case 0, 1:
                #expect(table.updateValue(step, forKey: id) == reference.updateValue(step, forKey: id))
            case 2:
                #expect(table.removeValue(forKey: id) == reference.removeValue(forKey: id))
            case 3:
                table[id] = random.below(2) == 0 ? nil : step
                reference[id] = table[id]
            default:
                table[id]? += 1
                reference[id]? += 1
            }
            #expect(table[id] == reference[id])
            #expect(table.count == reference.count)
            if step % 997 == 0 {
                for other in pool { #expect(table[other] == reference[other]) }
            }
        }
        for other in pool { #expect(table[other] == reference[other]) }
    }

    @Test func equalityIgnoresWhereKeysLie() {
        var a: IDDictionary<Int> = ["x": 1, "y": 2, "z": 3]
        var b = IDDictionary<Int>()
        for i in 0..<100 { b["tmp\(i)"] = i }
        b["z"] = 3; b["y"] = 2; b["x"] = 1
        for i in 0..<100 { b["tmp\(i)"] = nil }
        #expect(a == b)
        b["y"] = 5
        #expect(a != b)
        a["y"] = 5
        #expect(a == b)
        a.removeAll()
        #expect(a.isEmpty && a["x"] == nil && a != b)
    }
}
