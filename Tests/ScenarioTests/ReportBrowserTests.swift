import Testing
import Foundation
import DockerClient
@testable import Report
@testable import Runner

/// The report in a real browser: headless Chromium opens `report.html#step=N`, runs the page's
/// script, and the DOM it dumps shows statement N's panel as the current one — its `show
/// cluster` picture and its caption as visible text — with the other panels hidden.
/// Skipped, with a warning, where Chromium is not installed (`apt-get install -y chromium`).
@Suite struct ReportBrowserTests {
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        print("warning: ReportBrowserTests skipped: no chromium on PATH (apt-get install -y chromium)")
        return nil
    }()

    /// The DOM of `file` after its scripts ran, as headless Chromium dumps it.
    static func dumpDOM(_ browser: String, _ url: String, profile: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile.path)",
                       "--virtual-time-budget=2000", "--dump-dom", url]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func unescape(_ s: Substring) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(.enabled(if: ReportBrowserTests.chromium != nil, "headless Chromium is not installed"))
    func aReportOpensAtTheStepItsAddressNames() throws {
        let browser = try #require(Self.chromium)
        let text = try LessonStoryTests.lesson("02-majority-and-minority.swarm")
        var options = RunOptions()
        options.recordTimeline = true
        options.lessonTitle = LessonTitle.first(in: text)
        let parsed = ScenarioParser.parse(text, file: "02-majority-and-minority.swarm")
        let timeline = try #require(ScenarioRunner(script: parsed.script, options: options).run().timeline)
        // A `show cluster` well into the lesson, after a narration.
        let shows = timeline.statements.indices.filter { timeline.statements[$0].text == "show cluster" }
        let index = try #require(shows.dropFirst().first)
        let n = index + 1
        let picture = timeline.statements[index].picture
        #expect(picture == timeline.statements[index].output)
        let caption = try #require(StepView(timeline: timeline, chart: TimelineChart(timeline: timeline), strings: .english).caption(at: index))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swarmsim-report-\(getpid())-\(n)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.html")
        try Array(TimelineReport.html(timeline).utf8).withUnsafeBufferPointer { try Data(buffer: $0).write(to: file) }
        let dom = try Self.dumpDOM(browser, "file://\(file.path)#step=\(n)", profile: dir.appendingPathComponent("profile"))

        // Statement N's panel is the current one, shown; the first is hidden again.
        let open = "<div class=\"step current\" id=\"step-\(n)\""
        let start = try #require(dom.range(of: open), "no current panel for step \(n) in the DOM")
        #expect(dom.components(separatedBy: "class=\"step current\"").count == 2)
        let tag = dom[start.lowerBound...].prefix { $0 != ">" }
        #expect(!tag.contains("hidden"))
        #expect(dom.contains("<div class=\"step\" id=\"step-1\" data-x=\"0\" hidden=\"\">"))
        let panel = try #require(dom[start.upperBound...].range(of: "</div>").map { dom[start.upperBound..<$0.lowerBound] })
        // Its cluster picture and its caption, as the page's visible text.
        let pre = try #require(panel.range(of: "<pre class=\"picture\">"))
        let preEnd = try #require(panel[pre.upperBound...].range(of: "</pre>"))
        #expect(Self.unescape(panel[pre.upperBound..<preEnd.lowerBound]) == picture)
        let cap = try #require(panel.range(of: "<p class=\"caption\">") ?? panel.range(of: "<p class=\"caption now\">"))
        let capEnd = try #require(panel[cap.upperBound...].range(of: "</p>"))
        #expect(Self.unescape(panel[cap.upperBound..<capEnd.lowerBound]) == caption.text)
        #expect(dom.contains(">step \(n) of \(timeline.statements.count)</span>"))
    }
}
