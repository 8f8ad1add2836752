import Testing
import Foundation
@testable import Runner

/// Every scenario under Scenarios/ is a test: it must run without error and print exactly the
/// expected output it carries.
@Suite struct ScenarioFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var files: [String] {
        let dir = root.appendingPathComponent("Scenarios").path
        let found = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".swarm") }.sorted()
    }

    @Test func thereAreScenarios() {
        #expect(Self.files.contains("quickstart.swarm"))
    }

    @Test(arguments: files)
    func scenarioMatchesItsExpectedOutput(_ name: String) throws {
        let path = Self.root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        var options = RunOptions()
        options.fileDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path   // files the scenario reads
        let check = TranscriptCheck.check(bytes: [UInt8](bytes), file: "Scenarios/" + name, options: options)
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.rendered).joined(separator: "\n"))")
        #expect(check.report?.error == nil, "\(check.report?.error?.rendered ?? "")")
        #expect(check.report?.failure == nil, "\(check.report?.failure?.rendered ?? "")")
        #expect(check.report?.violations == [], "\(check.report?.violations ?? [])")
        for m in check.mismatches { Issue.record("\(m.rendered)") }
    }
}
