/// The report's style sheet: sized for a projector — read from the back of a room at
/// 1600×1000 (16 px and up for text, larger headings), solid colours for partition sides, and
/// a font stack with CJK faces so Korean narration renders.
enum ReportStyle {
    static let fonts = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", \"Malgun Gothic\", \"NanumGothic\", \"Helvetica Neue\", Arial, sans-serif"
    static let mono = "ui-monospace, SFMono-Regular, Menlo, Consolas, \"DejaVu Sans Mono\", \"Noto Sans Mono CJK KR\", \"D2Coding\", \"NanumGothicCoding\", monospace"

    static let css = """

        :root { --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa;
          --leader:#1a7f37; --follower:#3b82c4; --candidate:#e39b00; --precandidate:#f2c94c; --worker:#a3afbc;
          --ready:#2da44e; --down:#cf222e; --unknown:#d4a72c; --disconnected:#8250df; --fault:#d9480f; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 20px 24px 40px; font: 18px/1.45 \(fonts); color: var(--ink); background: var(--bg); }
        code, pre { font-family: \(mono); font-size: 16px; }
        header { margin-bottom: 10px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 14px; color: var(--muted); font-weight: 600; }
        h1 { margin: 2px 0 4px; font-size: 30px; line-height: 1.2; }
        h2 { font-size: 26px; margin: 28px 0 8px; }
        .meta { margin: 0; color: var(--muted); font-size: 16px; }
        .verdict { margin: 8px 0 0; padding: 4px 12px; border-radius: 6px; display: inline-block; font-weight: 600; }
        .verdict.ok { background: #dafbe1; color: #116329; }
        .verdict.bad { background: #ffebe9; color: #a40e26; }
        .stepper { border: 2px solid var(--line); border-radius: 10px; padding: 10px 16px 6px; margin-bottom: 14px; background: #fcfcfd; }
        .controls { display: flex; align-items: center; gap: 12px; }
        .controls button { font-size: 20px; padding: 2px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
        .controls input[type=range] { flex: 1; height: 28px; }
        #step-label { font-weight: 700; font-size: 18px; min-width: 9em; text-align: right; font-variant-numeric: tabular-nums; }
        .step-body { display: flex; gap: 20px; align-items: flex-start; }
        .steps { flex: 1; min-width: 0; }
        .step .caption { font-size: 23px; font-weight: 600; color: #2d3fb0; margin: 8px 0 6px; }
        .step .caption.now { color: #1b2a8f; }
        .step .stmt { margin: 4px 0; font-size: 18px; }
        .step .stmt code { font-size: 18px; font-weight: 600; white-space: pre-wrap; word-break: break-word; }
        .step .when, .step .where { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 6px; }
        .step pre.picture { margin: 6px 0; padding: 8px 12px; background: #0d1117; color: #e6edf3; border-radius: 8px; font-size: 16px; line-height: 1.3; white-space: pre-wrap; }
        .step pre.output { margin: 6px 0; padding: 6px 12px; background: var(--panel); border-radius: 8px; font-size: 16px; line-height: 1.3; white-space: pre-wrap; word-break: break-word; max-height: 8.2em; overflow: auto; }
        figure.ring { margin: 0; flex: none; text-align: center; }
        figure.ring figcaption { font-size: 15px; display: flex; flex-wrap: wrap; gap: 4px 12px; justify-content: center; max-width: 300px; }
        .rn-circle { fill: #d0d7de; stroke: #fff; stroke-width: 3; }
        .rn-leader .rn-circle { fill: var(--leader); } .rn-follower .rn-circle { fill: var(--follower); }
        .rn-candidate .rn-circle { fill: var(--candidate); } .rn-pre-candidate .rn-circle { fill: var(--precandidate); }
        .rn-crashed .rn-circle { fill: #f3b2ad; stroke: #b42318; stroke-dasharray: 5 4; } .rn-worker .rn-circle, .rn-outside .rn-circle { fill: var(--worker); }
        .rn-name { font: 700 16px \(fonts); fill: #fff; } .rn-term { font: 600 13px \(fonts); fill: #fff; }
        .rn-crashed .rn-name, .rn-crashed .rn-term { fill: #7a1a12; }
        .msg { stroke: #fff; stroke-width: 1.5; }
        .m-vote { fill: #e36209; } .m-append { fill: #0550ae; } .m-heartbeat { fill: #6e7781; } .m-response { fill: #8fd1a0; } .m-dropped { fill: #cf222e; }
        .dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%; }
        span.m-vote { background: #e36209; } span.m-append { background: #0550ae; } span.m-heartbeat { background: #6e7781; } span.m-response { background: #8fd1a0; } span.m-dropped { background: #cf222e; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 26px; padding: 10px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; font-size: 16px; }
        .legend div { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px; }
        .legend b { color: var(--muted); font-weight: 600; margin-right: 2px; }
        .item { display: inline-flex; align-items: center; gap: 5px; }
        .sw { display: inline-block; width: 24px; height: 14px; border-radius: 2px; border: 1px solid #0000001a; }
        .sw.st { height: 6px; }
        .gl { font-size: 16px; width: 16px; text-align: center; }
        .chart-frame { display: flex; border: 1px solid var(--line); border-radius: 8px; background: #fff; overflow: hidden; }
        .chart-frame .labels { flex: none; border-right: 1px solid var(--line); background: #fff; }
        .scroll { overflow-x: auto; flex: 1; }
        svg.chart { display: block; }
        svg text { font: 14px \(fonts); }
        .label.section { fill: var(--muted); font-size: 14px; font-weight: 600; }
        .label.host, .label.service { fill: var(--ink); font-weight: 700; font-size: 16px; }
        .label.task { fill: var(--ink); font-size: 14px; }
        .tick { fill: var(--muted); font-size: 14px; }
        .axis { stroke: var(--line); stroke-width: 1; }
        .grid { stroke: #eef1f4; stroke-width: 1; }
        .cursor { stroke: #1b2a8f; stroke-width: 3; opacity: .8; }
        .lane-bg { fill: #ffffff; } .lane-bg.alt { fill: #f6f8fa; }
        .side-1 { fill: #9cc3f5; } .side-2 { fill: #f5a3ab; } .side-3 { fill: #93d9a8; } .side-4 { fill: #f0cf72; }
        .ph-leader { fill: var(--leader); } .ph-follower { fill: var(--follower); } .ph-candidate { fill: var(--candidate); }
        .ph-pre-candidate { fill: var(--precandidate); } .ph-worker { fill: var(--worker); } .ph-crashed { fill: url(#crash-hatch); }
        .hatch-bg { fill: #fde4e2; } .hatch-line { stroke: #d1453b; stroke-width: 2.2; }
        span.ph-crashed { background: repeating-linear-gradient(45deg, #fde4e2 0 3px, #d1453b 3px 5px); }
        span.ph-leader { background: var(--leader); } span.ph-follower { background: var(--follower); } span.ph-candidate { background: var(--candidate); }
        span.ph-pre-candidate { background: var(--precandidate); } span.ph-worker { background: var(--worker); }
        .st-ready { fill: var(--ready); } .st-down { fill: var(--down); } .st-unknown { fill: var(--unknown); } .st-disconnected { fill: var(--disconnected); }
        span.st-ready { background: var(--ready); } span.st-down { background: var(--down); } span.st-unknown { background: var(--unknown); } span.st-disconnected { background: var(--disconnected); }
        .net-split { fill: #f4b183; stroke: #c55a11; stroke-width: 1; } span.net-split { background: #f4b183; border-color: #c55a11; }
        span.side-1 { background: #9cc3f5; } span.side-2 { background: #f5a3ab; } span.side-3 { background: #93d9a8; }
        .ld-some { fill: #b7e4c2; } .ld-none { fill: #f7c1bc; }
        .q-yes { fill: #1a7f37; } .q-no { fill: #b42318; }
        .band-text { font-size: 14px; font-weight: 700; } .band-text.good { fill: #0b4a1f; } .band-text.bad { fill: #7a1a12; } .band-text.dark { fill: #3d2209; } .band-text.light { fill: #ffffff; }
        .term { fill: #0b2545; font-size: 13px; font-weight: 700; } .term.on-dark { fill: #ffffff; }
        .tasks { fill: #3b1f63; font-size: 13px; font-weight: 700; }
        .cap-dot { fill: #2d3fb0; } .cap-text { fill: #1b2a8f; font-size: 15px; font-weight: 600; }
        .tk-run { fill: #2da44e; } .tk-starting { fill: #f2c94c; } .tk-failed { fill: #cf222e; } .tk-stopped { fill: #d0d7de; } .tk-lost { fill: url(#crash-hatch); }
        span.tk-run { background: #2da44e; } span.tk-starting { background: #f2c94c; } span.tk-failed { background: #cf222e; } span.tk-stopped { background: #d0d7de; }
        span.q-yes { background: #1a7f37; } span.q-no { background: #b42318; }
        .ev-stroke { stroke: #b42318; stroke-width: 2.6; stroke-linecap: round; }
        .ev-restart { fill: #1a7f37; stroke: #fff; stroke-width: 1; }
        .ev-join { fill: #24292f; stroke: #fff; stroke-width: 1; } .ev-leave { fill: #fff; stroke: #24292f; stroke-width: 1.5; }
        .guide { stroke: var(--fault); stroke-width: 1.5; stroke-dasharray: 5 3; opacity: .7; }
        .guide-failed { stroke: #cf222e; stroke-width: 2.5; }
        .mk .mk-shape { stroke: #fff; stroke-width: 1; }
        .mk-narration .mk-shape, .mk-span.mk-narration { fill: #2d3fb0; } .gl.mk-narration { color: #2d3fb0; }
        .mk-fault .mk-shape, .mk-span.mk-fault { fill: var(--fault); } .gl.mk-fault { color: var(--fault); }
        .mk-check .mk-shape, .mk-span.mk-check { fill: #1a7f37; } .gl.mk-check { color: #1a7f37; }
        .mk-show .mk-shape, .mk-span.mk-show { fill: #8250df; } .gl.mk-show { color: #8250df; }
        .mk-docker .mk-shape, .mk-span.mk-docker { fill: #57606a; } .gl.mk-docker { color: #57606a; }
        .mk-failed .mk-shape, .mk-span.mk-failed { fill: #cf222e; } .gl.mk-failed { color: #cf222e; }
        .mk-span { opacity: .45; }
        .mk-count { fill: var(--muted); font-size: 12px; }
        .gl.ev { color: #b42318; font-weight: 700; } .gl.ev-r { color: #1a7f37; } .gl.term-gl { color: #0b2545; font-size: 14px; font-weight: 700; width: auto; }
        .mk:hover .mk-shape, rect:hover { filter: brightness(.88); }
        .svc-full { fill: #b7e4c2; } .svc-part { fill: #f7dd8f; } .svc-zero { fill: #f7c1bc; } .svc-none { fill: #eceff3; }
        .req-ok { fill: var(--ready); } .req-failed { fill: var(--down); }
        .hint { color: var(--muted); font-size: 16px; margin: 8px 2px 0; }
        .transcript table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        .transcript th { text-align: left; font-size: 15px; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: 4px 8px; }
        .transcript th.time { width: 7em; } .transcript th.line { width: 4em; }
        .transcript td { vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eef1f4; }
        .transcript td.time { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
        .transcript td.line { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
        .transcript code { white-space: pre-wrap; word-break: break-word; }
        .transcript pre { margin: 4px 0 2px; padding: 6px 8px; background: var(--panel); border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
        .transcript tr.narration code { color: #2d3fb0; font-weight: 600; }
        .transcript tr.fault code { color: #b33a0a; font-weight: 600; }
        .transcript tr.failed { background: #fff5f4; }
        .transcript tr.current-row { background: #eef2ff; }
        .transcript .problem { color: #a40e26; font-weight: 600; margin-top: 2px; }
        .transcript summary { cursor: pointer; color: var(--muted); font-size: 15px; }
        footer { margin-top: 26px; color: var(--muted); font-size: 15px; }

        """
}
