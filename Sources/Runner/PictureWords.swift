import SimCore
import Raft
import Orchestration
import ScenarioLanguage

/// The words of `show cluster`, `show services` and `show mesh`, in English or Korean
/// (`lang ko`, `--lang ko`). Korean follows the glossary of Scenarios/teaching/ko/README.md
/// (리더, 팔로워, 후보, 임기, 쿼럼 …). Docker's own words stay English in both, as `docker node
/// ls` and `docker service ps` print them on a Korean machine: node status (Ready, Down,
/// Unknown), availability (Drain, Pause), service mode (replicated, global) and task state.
struct PictureWords {
    let language: Language

    private func pick(_ en: String, _ ko: String) -> String { language == .ko ? ko : en }

    /// A moment of virtual time: `6.020s`, `6.020초`.
    func time(_ t: SimTime) -> String { pick("\(t)", t.sinceStart.decimalSeconds(digits: 3) + "초") }

    // MARK: show cluster

    func clusterAt(_ t: SimTime) -> String { pick("cluster at \(time(t)): ", "클러스터, \(time(t)): ") }
    func leader(_ name: String) -> String { pick("leader \(name)", "리더 \(name)") }
    func inTerm(_ term: UInt64) -> String { pick(" in term \(term)", ", 임기 \(term)") }
    var noLeader: String { pick("no leader", "리더 없음") }

    func managersUp(_ up: Int, of total: Int, quorum: Int) -> String {
        pick("; \(up) of \(total) manager\(total == 1 ? "" : "s") up, quorum \(quorum)",
             "; 매니저 \(total) 중 \(up) 가동, 쿼럼 \(quorum)")
    }

    func side(_ number: Int) -> String { pick("side \(number): ", "\(number)번 쪽: ") }
    var noManagers: String { pick("no managers", "매니저 없음") }
    func managersOnSide(_ here: Int, of total: Int) -> String { pick("\(here) of \(total) managers, ", "매니저 \(total) 중 \(here), ") }
    var quorum: String { pick("quorum", "쿼럼 있음") }
    var noQuorum: String { pick("no quorum", "쿼럼 없음") }

    func role(_ r: NodeRole) -> String {
        guard language == .ko else { return r.rawValue }
        return switch r {
        case .manager: "매니저"
        case .worker: "워커"
        }
    }

    func raftRole(_ r: Raft.Role) -> String {
        guard language == .ko else { return r.description }
        return switch r {
        case .leader: "리더"
        case .follower: "팔로워"
        case .candidate: "후보"
        case .preCandidate: "사전 후보"
        }
    }

    func term(_ n: UInt64) -> String { pick("term \(n)", "임기 \(n)") }
    var crashed: String { pick("crashed", "크래시") }
    var notInSwarm: String { pick("not in a swarm", "스웜 밖") }
    func tasks(_ n: Int) -> String { pick("\(n) task\(n == 1 ? "" : "s")", "태스크 \(n)개") }

    // Notes on what is off about a host.
    var forcedOut: String { pick("removed from Raft by a forced new cluster", "강제 새 클러스터로 Raft에서 제거됨") }
    var leadsOldTerm: String { pick("leads an old term", "지난 임기의 리더") }
    var cutOffFromLeader: String { pick("cut off from the leader", "리더와 끊김") }
    var leaderDoesNotHear: String { pick("the leader does not hear it", "리더가 듣지 못함") }
    var doesNotHearLeader: String { pick("does not hear the leader", "리더를 듣지 못함") }

    // MARK: show services, show mesh

    func servicesAt(_ t: SimTime) -> String { pick("services at \(time(t))", "서비스, \(time(t))") }
    var asTheStoreRecords: String { pick(", as the leader's store records them:", " (리더의 저장소 기록):") }
    var none: String { pick(" none", " 없음") }
    var noSwarm: String { pick(": no swarm", ": 스웜 없음") }
    func running(_ n: Int, of desired: Int) -> String { pick("\(n) of \(desired) running", "\(desired) 중 \(n) 실행 중") }
    var unassigned: String { pick("unassigned", "미배정") }

    func meshAt(_ t: SimTime) -> String { pick("mesh at \(time(t))", "메시, \(time(t))") }
    var noPublishedPorts: String { pick("no published ports", "게시된 포트 없음") }
    var routesRoundRobin: String {
        pick("each port listens on every node and routes round robin to", "각 포트는 모든 노드에서 열려 있고 다음 태스크로 라운드 로빈합니다")
    }
    func task(_ task: String, on node: String) -> String { pick("\(task) on \(node)", "\(node)의 \(task)") }
    var noRunningTask: String { pick("no running task", "실행 중인 태스크 없음") }
}
