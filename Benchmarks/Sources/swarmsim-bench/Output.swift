#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SimCore

// What the bench prints: one aligned line per result on standard output (or one JSON object
// per line), progress on standard error only when a person is watching it.

/// Whether standard error is a terminal (progress is shown only then).
let stderrIsTerminal = isatty(2) == 1

/// Writes `text` and a newline to standard error.
func notice(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// A progress note, shown only on a terminal.
func progress(_ text: String) {
    if stderrIsTerminal { notice("… " + text) }
}

/// Ours divided by the peer's, when both are known and the peer's is not zero.
func ratio(_ result: BenchResult) -> Double? {
    guard let peer = result.peerValue, peer != 0, result.peer != nil else { return nil }
    return result.value / peer
}

/// One aligned line: name, figure and unit; then the peer's figure and the ratio, if any.
/// Details follow, indented, one per line.
func textLines(_ result: BenchResult) -> String {
    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
    func figure(_ v: Double) -> String { abs(v) >= 1_000 ? fixed(v, decimals: 0) : formatSignificant(v, digits: 4) }
    var line = pad(result.name, 22) + " " + pad(figure(result.value), 14, right: true) + " " + pad(result.unit, 10)
    if let peer = result.peer, let peerValue = result.peerValue {
        line += "   " + pad(peer, 8) + pad(figure(peerValue), 14, right: true) + " " + pad(result.unit, 10)
        if let r = ratio(result) { line += "   ratio " + fixed(r, decimals: 1) + "×" }
    }
    for (key, value) in result.details { line += "\n    " + key + ": " + value }
    return line
}

/// One JSON object: `{"name","value","unit","peer","peer_value","ratio","details"}`, null
/// where there is no peer.
func jsonLine(_ result: BenchResult) -> String {
    func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "null" }
        return String(v)
    }
    var details = "{"
    for (i, (key, value)) in result.details.enumerated() {
        details += (i > 0 ? "," : "") + TraceLine.quoted(key) + ":" + TraceLine.quoted(value)
    }
    details += "}"
    return "{\"name\":" + TraceLine.quoted(result.name)
        + ",\"value\":" + number(result.value)
        + ",\"unit\":" + TraceLine.quoted(result.unit)
        + ",\"peer\":" + (result.peer.map(TraceLine.quoted) ?? "null")
        + ",\"peer_value\":" + number(result.peer == nil ? nil : result.peerValue)
        + ",\"ratio\":" + number(ratio(result))
        + ",\"details\":" + details + "}"
}
