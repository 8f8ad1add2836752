import Testing
import Foundation
@testable import ScenarioLanguage
@testable import DockerClient

/// The shape every lesson keeps (docs/teaching.md, "Writing a lesson"): each narration block is
/// followed by an `expect` that checks it, one sentence per `say`, and each Korean lesson runs
/// the same statements as its English one, in Korean (`lang ko`). That each lesson passes with
/// its `expect`s is `ScenarioFilesTests`' job.
@Suite struct LessonShapeTests {
    static let teaching = ScenarioFilesTests.root.appendingPathComponent("Scenarios/teaching")

    static var english: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: teaching.path)) ?? []).filter { $0.hasSuffix(".swarm") }.sorted()
    }
    static var lessons: [String] { english + english.map { "ko/" + $0 } }

    static func statements(_ name: String) throws -> [ScriptStatement] {
        let bytes = try #require(FileManager.default.contents(atPath: teaching.appendingPathComponent(name).path))
        let parsed = ScenarioParser.parse(bytes: [UInt8](bytes), file: name)
        #expect(parsed.diagnostics.isEmpty)
        return parsed.script.statements
    }

    static func sayText(_ s: ScriptStatement) -> String? {
        if case .say(let words) = s.statement { return words.map(\.text).joined(separator: " ") }
        return nil
    }

    @Test func thereAreLessonsInBothLanguages() {
        #expect(Self.english.count >= 8)
        let korean = (try? FileManager.default.contentsOfDirectory(atPath: Self.teaching.appendingPathComponent("ko").path)) ?? []
        #expect(korean.filter { $0.hasSuffix(".swarm") }.sorted() == Self.english)
    }

    /// After each block of `say` lines, an `expect` comes before the next block.
    @Test(arguments: lessons)
    func everyNarrationBlockIsCheckedByAnExpect(_ name: String) throws {
        let statements = try Self.statements(name)
        var unchecked: [Int] = []
        var i = 0
        while i < statements.count {
            guard Self.sayText(statements[i]) != nil else { i += 1; continue }
            let line = statements[i].location.line
            while i < statements.count, Self.sayText(statements[i]) != nil { i += 1 }
            var checked = false
            while i < statements.count, Self.sayText(statements[i]) == nil {
                if case .expect = statements[i].statement { checked = true }
                i += 1
            }
            if !checked { unchecked.append(line) }
        }
        #expect(unchecked == [], "narration blocks with no expect after them, at lines \(unchecked)")
    }

    @Test(arguments: lessons)
    func oneSentencePerSay(_ name: String) throws {
        let texts = try Self.statements(name).compactMap(Self.sayText)
        let several = texts.filter { $0.contains(". ") || $0.contains("! ") || $0.contains("? ") }
        #expect(several == [])
    }

    /// The Korean lesson's statements, narration aside, are the English lesson's, plus
    /// `lang ko`; its narration blocks stand where the English ones do.
    @Test(arguments: english)
    func theKoreanLessonRunsTheSameStatements(_ name: String) throws {
        func shape(_ statements: [ScriptStatement]) -> [String] {
            var out: [String] = []
            for s in statements where !(s.statement == .setting(Setting(key: .language, value: .choice("ko")))) {
                let text = Self.sayText(s) == nil ? s.text : "say"
                if text != "say" || out.last != "say" { out.append(text) }
            }
            return out
        }
        let korean = try Self.statements("ko/" + name)
        #expect(korean.contains { $0.statement == .setting(Setting(key: .language, value: .choice("ko"))) })
        #expect(shape(korean) == shape(try Self.statements(name)))
    }
}
