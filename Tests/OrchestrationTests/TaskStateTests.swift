import Testing
import SimCore
@testable import Orchestration

@Suite struct TaskStateTests {
    @Test func statesAreOrderedAsSwarmkitNumbersThem() {
        let order: [TaskState] = [.new, .pending, .assigned, .accepted, .preparing, .ready, .starting, .running,
                                  .complete, .shutdown, .failed, .rejected, .remove, .orphaned]
        #expect(TaskState.allCases == order)
        #expect(order.map(\.rawValue) == [0, 64, 192, 256, 320, 384, 448, 512, 576, 640, 704, 768, 800, 832])
        #expect(order == order.sorted())
    }

    @Test func displayIsCapitalisedAsDockerPrintsIt() {
        #expect(TaskState.running.display == "Running")
        #expect(TaskState.shutdown.display == "Shutdown")
        #expect(TaskState.complete.display == "Complete")
        #expect(TaskState.new.display == "New")
        #expect(TaskState.preparing.name == "preparing")
    }

    @Test func observedStateOnlyMovesForward() {
        #expect(TaskState.pending.canMove(to: .assigned))
        #expect(TaskState.assigned.canMove(to: .running))
        #expect(TaskState.running.canMove(to: .failed))
        #expect(TaskState.running.canMove(to: .orphaned))
        #expect(!TaskState.running.canMove(to: .starting))
        #expect(!TaskState.running.canMove(to: .running))
    }

    @Test func terminalStatesAreFinalAndRemoveIsNeverObserved() {
        #expect(!TaskState.failed.canMove(to: .rejected))
        #expect(!TaskState.complete.canMove(to: .shutdown))
        #expect(!TaskState.shutdown.canMove(to: .orphaned))
        #expect(!TaskState.running.canMove(to: .remove))
        #expect(TaskState.complete.isTerminal && !TaskState.running.isTerminal)
    }

    @Test func anAgentWalksAnAssignedTaskToRunningWithSwarmkitsMessages() {
        var state = TaskState.assigned
        var walked: [String] = []
        while let step = state.agentNextStep(desired: .running) {
            walked.append("\(step.state.name):\(step.message)")
            state = step.state
        }
        #expect(walked == ["accepted:accepted", "preparing:preparing", "ready:prepared", "starting:starting", "running:started"])
        #expect(TaskState.agentSteps.map(\.state) == [.accepted, .preparing, .ready, .starting, .running])
    }

    @Test func aTaskDesiredReadyWaitsAtReady() {
        #expect(TaskState.assigned.agentNextStep(desired: .ready)?.state == .accepted)
        #expect(TaskState.accepted.agentNextStep(desired: .ready)?.state == .preparing)
        #expect(TaskState.preparing.agentNextStep(desired: .ready)?.state == .ready)
        #expect(TaskState.ready.agentNextStep(desired: .ready) == nil)
        #expect(TaskState.ready.agentNextStep(desired: .running)?.state == .starting)
    }

    @Test func aDesiredShutdownStopsTheTaskAndLeavesStoppedOnesAlone() {
        #expect(TaskState.running.agentNextStep(desired: .shutdown)?.state == .shutdown)
        #expect(TaskState.accepted.agentNextStep(desired: .remove)?.message == "shutdown")
        #expect(TaskState.failed.agentNextStep(desired: .shutdown) == nil)
        #expect(TaskState.pending.agentNextStep(desired: .running) == nil)
        #expect(TaskState.running.agentNextStep(desired: .running) == nil)
    }
}
