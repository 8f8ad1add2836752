import SimCore
import Orchestration

/// What an attached `docker service create|update|scale|rollback` shows while it waits: docker/cli's
/// `ServiceProgress` (cli/command/service/progress/progress.go), polled every 200 ms, as a terminal
/// shows it when the command returns.
///
/// docker/cli writes progress records, and `jsonmessage` draws each record ID on a line of its
/// own, in the order the IDs first appear, redrawing a line in place when its ID comes again; a
/// record without progress is printed below. A scenario records the last frame: one line per ID
/// as last drawn, then what was printed below. Two choices where a terminal gives no single
/// answer: the terminal is wider than 110 columns, so rows carry docker's 50-column bar (narrower
/// terminals drop it), and the blanks docker leaves at the end of each line are not recorded.
/// Where docker walks a Go map (tasks by slot, by node), the walk is in slot or node ID order.
package struct ServiceProgress {
    /// How a poll ended the wait; nil from `poll` means poll again in 200 ms.
    package enum Outcome: Equatable, Sendable {
        /// The service converged and stayed so for its monitoring period (or its update was
        /// already complete when the wait began).
        case finished
        /// The CLI's error, as it prints it (`service update paused: …`).
        case failed(String)
    }

    /// The service as the command named it (docker/cli passes the name typed, or for `create`
    /// the new ID): what `verify: Service … converged` says.
    let reference: String
    private var lines: [(id: String, text: String)] = []
    private var below: [String] = []
    private var converged = false
    private var convergedAt: SimTime?
    private var rollback = false
    private var message: String?
    var rows = RowState()

    package init(reference: String) { self.reference = reference }

    /// The frame the terminal shows now: one line per progress ID, then the lines below.
    package var frame: String {
        (lines.map(\.text) + below).map { $0 + "\n" }.joined()
    }

    // MARK: The loop

    /// One turn of `ServiceProgress`'s loop at `now`: the service, its up-to-date tasks (of its
    /// current spec version) and whether each node is up (not Down).
    package mutating func poll(service: ServiceRecord, tasks: [TaskRecord], nodeIsActive: (String) -> Bool,
                               now: SimTime) -> Outcome? {
        let monitor = service.spec.update.monitor != .zero ? service.spec.update.monitor : .seconds(5)
        if let status = service.updateStatus, let outcome = follow(status) { return outcome }
        if converged, let at = convergedAt, now - at >= monitor {
            write("verify", "Service \(reference) converged")
            if let message { below.append("rollback: \(message)") }
            return .finished
        }
        converged = service.spec.isGlobal
            ? globalUpdate(tasks, nodeIsActive: nodeIsActive)
            : replicatedUpdate(replicas: service.spec.replicas ?? 0, tasks, nodeIsActive: nodeIsActive)
        if converged {
            let at = convergedAt ?? now
            convergedAt = at
            let wait = monitor - (now - at)
            if wait >= .zero {
                write("verify", "Waiting \(wait.nanoseconds / 1_000_000_000 + 1) seconds to verify that tasks are stable...")
            }
        } else {
            if convergedAt != nil { write("verify", "Detected task failure") }
            convergedAt = nil
        }
        return nil
    }

    /// The user interrupts the wait (a scenario's command deadline stands for Ctrl-C).
    package mutating func interrupt() {
        guard !converged else { return }
        below.append("Operation continuing in background.")
        below.append("Use `docker service ps \(reference)` to check progress.")
    }

    /// The update status's part in the loop; an outcome ends it.
    private mutating func follow(_ status: UpdateStatus) -> Outcome? {
        switch status.state {
        case .updating: rollback = false
        case .completed: if !converged { return .finished }
        case .paused: return .failed("service update paused: \(status.message)")
        case .rollbackStarted:
            if !rollback && !status.message.isEmpty { write("rollback", status.message) }
            rollback = true
        case .rollbackPaused: return .failed("service rollback paused: \(status.message)")
        case .rollbackCompleted:
            if !converged { message = status.message }
            rollback = true
        }
        return nil
    }

    // MARK: Drawing

    /// Draws the line of `id` (a new ID gets a new line at the bottom of the frame).
    mutating func write(_ id: String, _ action: String, bar: (current: Int, total: Int)? = nil) {
        var text = "\(id): \(action)"
        if let bar { text += " " + Self.bar(current: bar.current, total: bar.total) }
        while text.last == " " { text.removeLast() }
        if let i = lines.firstIndex(where: { $0.id == id }) { lines[i].text = text } else { lines.append((id, text)) }
    }

    /// jsonmessage's progress bar for a terminal wider than 110 columns.
    static func bar(current: Int, total: Int) -> String {
        guard current > 0, total > 0 else { return "" }
        let filled = min(Int(Double(current) / Double(total) * 100) / 2, 50)
        return "[" + String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: 50 - filled) + "]"
    }

    mutating func writeOverall(_ running: Int, _ total: Int) {
        let text = "\(running) out of \(total) tasks"
        write("overall progress", rollback ? "rolling back update: " + text : text)
    }

    /// A task's row: its error, else its state and a bar while neither it nor its desired state
    /// is terminal.
    mutating func writeTask(_ task: TaskRecord, id: String) {
        if let error = task.status.error, !error.isEmpty {
            write(id, Self.truncated(error))
        } else if !Self.isTerminal(task.desiredState), !Self.isTerminal(task.status.state) {
            let name = task.status.state.name
            let padded = name + String(repeating: " ", count: max(0, Self.longestState - name.count))
            write(id, padded, bar: (Self.number(task.status.state), Self.maxProgress))
        }
    }

    /// docker/cli `truncError`: one line, at most 75 characters.
    static func truncated(_ error: String) -> String {
        let flat = String(error.map { $0 == "\n" ? " " : $0 })
        return flat.count > 75 ? String(flat.prefix(74)) + "…" : flat
    }
}
