import SimCore

/// The sentences of the report's tooltips (each shape's `<title>`), in one language: the
/// report's words (`ReportStrings`) that take values. Hosts', services' and tasks' names, the
/// statements' text and docker's output stay as they are.
public struct ReportTooltips: Sendable {
    let korean: Bool

    public static let english = ReportTooltips(korean: false)
    public static let korean = ReportTooltips(korean: true)

    private func pick(_ english: String, _ korean: String) -> String { self.korean ? korean : english }

    func onSide(_ host: String, _ side: Int, _ span: String) -> String {
        pick("\(host) on side \(side) of the partition, \(span)", "\(host): 분할의 \(side)번 쪽, \(span)")
    }

    func network(_ shape: String, isPartition: Bool, _ span: String) -> String {
        isPartition ? pick("partition \(shape), \(span)", "분할 \(shape), \(span)") : "\(shape), \(span)"
    }

    func leader(_ host: String?, term: UInt64, _ span: String) -> String {
        guard let host else { return pick("no leader, \(span)", "리더 없음, \(span)") }
        return pick("leader \(host) in term \(term), \(span)", "리더 \(host), 임기 \(term), \(span)")
    }

    func phase(_ host: String, _ phase: HostPhase, term: UInt64?, _ span: String, merged: Bool) -> String {
        var s = "\(host): \(name(of: phase))"
        if let term { s += pick(" in term \(term)", ", 임기 \(term)") }
        s += ", " + span
        if merged { s += pick(", with briefer changes merged", ", 더 짧은 변화는 합쳐 보임") }
        return s
    }

    func name(of phase: HostPhase) -> String {
        guard korean else { return phase.rawValue }
        switch phase {
        case .outside: return "스웜 밖"
        case .worker: return "워커"
        case .follower: return "팔로워"
        case .preCandidate: return "예비 후보"
        case .candidate: return "후보"
        case .leader: return "리더"
        case .crashed: return "다운"
        }
    }

    func nodeStatus(_ host: String, _ state: String, _ span: String) -> String {
        pick("\(host): node \(state), \(span)", "\(host): 노드 \(state), \(span)")
    }

    func crashed(_ host: String, at time: SimTime) -> String { pick("\(host) crashed at \(time)", "\(host) 다운: \(time)") }
    func restarted(_ host: String, at time: SimTime) -> String { pick("\(host) restarted at \(time)", "\(host) 재시작: \(time)") }
    func left(_ host: String, at time: SimTime) -> String { pick("\(host) left the swarm at \(time)", "\(host) 스웜 탈퇴: \(time)") }

    func joined(_ host: String, as role: String, at time: SimTime) -> String {
        pick("\(host) joined as a \(role) at \(time)", "\(host) \(role == "manager" ? "매니저" : "워커")로 참여: \(time)")
    }

    func service(_ name: String, running: Int, desired: Int, _ span: String) -> String {
        pick("\(name): \(running)/\(desired) running, \(span)", "\(name): \(running)/\(desired) 실행 중, \(span)")
    }

    func requests(_ total: Int, at time: SimTime, answered: Int, failed: Int) -> String {
        pick("\(total) request\(total == 1 ? "" : "s") at \(time): \(answered) answered, \(failed) failed",
             "요청 \(total)개 (\(time)): \(answered)개 응답, \(failed)개 실패")
    }

    func task(_ name: String, on host: String, _ state: String, _ span: String) -> String {
        pick("\(name) on \(host): \(state), \(span)", "\(name) (\(host)): \(state), \(span)")
    }

    func taskFailed(_ name: String, at time: SimTime) -> String { pick("\(name) failed at \(time)", "\(name) 실패: \(time)") }

    func statement(at time: SimTime, line: Int, _ text: String) -> String {
        pick("[\(time)] line \(line): \(text)", "[\(time)] \(line)번 줄: \(text)")
    }

    func expectationFailed(at time: SimTime, seen: String) -> String {
        pick("✗ expectation failed at \(time); seen: \(seen)", "✗ expect 실패 (\(time)); 실제: \(seen)")
    }

    func error(_ message: String) -> String { pick("✗ error: \(message)", "✗ 오류: \(message)") }

    func chartLabel(_ title: String, hosts: Int, over duration: String) -> String {
        pick("Timeline of \(title): \(hosts) hosts over \(duration)", "\(title) 타임라인: 호스트 \(hosts)개, \(duration)")
    }
}
