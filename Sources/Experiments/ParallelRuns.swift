import Dispatch
import Synchronization

/// Runs independent jobs on several threads and hands back their results in job order.
///
/// Each job must own everything it touches (its own runner, swarm and random streams): the
/// jobs share nothing mutable, so a result depends only on its index, never on which thread
/// ran it or when. Workers take the next index from an atomic counter (dynamic balancing, so a
/// slow job does not hold up a fixed share) and store each result in its own slot under a
/// `Mutex` held only for that store.
public enum ParallelRuns {
    /// How many jobs run at once by default: the machine's active cores.
    public static var defaultJobs: Int { max(1, activeProcessorCount()) }

    /// Runs `body(i)` for every `i` in `0..<count`, at most `jobs` at a time (and no more than
    /// the cores Dispatch offers), and returns the results indexed by `i`. `progress` is called
    /// after each job with the number finished so far, one call at a time.
    public static func map<T: Sendable>(count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            var results: [T] = []
            results.reserveCapacity(count)
            for i in 0..<count {
                results.append(body(i))
                progress?(i + 1)
            }
            return results
        }
        let next = Atomic<Int>(0)
        let slots = Mutex<(results: [T?], done: Int)>((Array(repeating: nil, count: count), 0))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let result = body(i)
                slots.withLock { s in
                    s.results[i] = result
                    s.done += 1
                    progress?(s.done)
                }
            }
        }
        return slots.withLock { s in
            s.results.map { r in
                guard let r else { preconditionFailure("ParallelRuns.map: a job finished without a result") }
                return r
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
private func activeProcessorCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func activeProcessorCount() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#else
private func activeProcessorCount() -> Int { 1 }
#endif
