/// The words the report writes itself, in one language (see `ReportLanguage`). Raft's and
/// Swarm's terms follow the lessons' glossary.
public struct ReportStrings: Sendable {
    public var kicker, statements, network, leader, noLeader, term, quorum, quorumSide, noQuorum: String
    public var captions, requests, role, nodeStatus, partition, side: String
    public var leaderRole, follower, candidate, preCandidate, worker, crashed: String
    public var fault, check, narration, show, docker, failed, crash, restart, termChange: String
    public var reachable, needed: String
    public var tasks, running, starting, taskFailed, stopped, lost: String
    public var messages, vote, append, heartbeat, response, dropped: String
    public var step, of, line, previous, next, stepHint, chartHint, everyExpectationHeld, virtualTime: String
    public var hosts, seed: String
    /// The tooltips' sentences, in the same language.
    public var tooltips: ReportTooltips = .english

    public static let english = ReportStrings(
        kicker: "swarmsim report", statements: "statements", network: "network", leader: "leader",
        noLeader: "no leader", term: "term", quorum: "quorum", quorumSide: "quorum, side", noQuorum: "no quorum",
        captions: "narration", requests: "requests", role: "role", nodeStatus: "node status",
        partition: "partition or cut", side: "side",
        leaderRole: "leader", follower: "follower", candidate: "candidate", preCandidate: "pre-candidate",
        worker: "worker", crashed: "crashed",
        fault: "fault", check: "expect / wait / measure", narration: "say", show: "show", docker: "docker",
        failed: "failed", crash: "crash", restart: "restart", termChange: "term change",
        reachable: "reachable", needed: "needed",
        tasks: "tasks", running: "running", starting: "starting", taskFailed: "failed", stopped: "stopped",
        lost: "lost with its host",
        messages: "messages", vote: "vote", append: "append", heartbeat: "heartbeat", response: "answer",
        dropped: "dropped",
        step: "step", of: "of", line: "line", previous: "previous", next: "next",
        stepHint: "← → or the slider move through the statements; the ring replays the Raft messages of the step's window.",
        chartHint: "Times are virtual: seconds since the run began. Hover a band or a marker for details.",
        everyExpectationHeld: "every expectation held", virtualTime: "of virtual time",
        hosts: "hosts", seed: "seed")

    public static let korean = ReportStrings(
        kicker: "swarmsim 보고서", statements: "문장", network: "네트워크", leader: "리더",
        noLeader: "리더 없음", term: "임기", quorum: "쿼럼", quorumSide: "쿼럼 · 쪽", noQuorum: "쿼럼 없음",
        captions: "설명", requests: "요청", role: "역할", nodeStatus: "노드 상태",
        partition: "분할 또는 끊김", side: "쪽",
        leaderRole: "리더", follower: "팔로워", candidate: "후보", preCandidate: "예비 후보",
        worker: "워커", crashed: "다운",
        fault: "장애", check: "expect / wait / measure", narration: "say", show: "show", docker: "docker",
        failed: "실패", crash: "다운", restart: "재시작", termChange: "임기 변경",
        reachable: "연결됨", needed: "필요",
        tasks: "태스크", running: "실행 중", starting: "시작 중", taskFailed: "실패", stopped: "중지",
        lost: "호스트와 함께 잃음",
        messages: "메시지", vote: "투표", append: "로그 추가", heartbeat: "하트비트", response: "응답",
        dropped: "유실",
        step: "단계", of: "/", line: "줄", previous: "이전", next: "다음",
        stepHint: "← → 키나 슬라이더로 문장을 하나씩 넘깁니다. 고리는 그 단계 동안 오간 Raft 메시지를 다시 보여 줍니다.",
        chartHint: "시간은 가상 시간입니다: 실행 시작부터의 초. 막대나 표시에 마우스를 올리면 자세히 보입니다.",
        everyExpectationHeld: "모든 expect가 맞았습니다", virtualTime: "의 가상 시간",
        hosts: "호스트", seed: "시드", tooltips: .korean)
}
