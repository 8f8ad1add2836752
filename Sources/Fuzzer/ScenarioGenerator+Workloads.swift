import SimCore

// Containers that exit and fall sick in a fuzz run: images declared with behaviours, services
// updated to them, and `fail` statements. The liveness phase updates such services back to
// nginx, whose containers run for ever.

extension ScenarioGenerator {
    static let flakyImages = ["flaky:1", "sick:1"]

    /// Declares the behaviours of the images the workload may update services to.
    mutating func declareImages() {
        lines.append("image flaky:1 exits \(random.element(of: [1, 2, 137]) ?? 1) after \(random.int(in: 1...5))s..\(random.int(in: 6...30))s")
        lines.append("image sick:1 unhealthy after \(random.int(in: 1...10))s..\(random.int(in: 11...40))s")
    }

    /// `fail sN.K` or `fail sN on HOST`: a container of a live service exits now.
    mutating func failContainer(_ live: [Int]) {
        guard let i = random.element(of: live) else { return createService() }
        let code = random.chance(0.3) ? " exit 137" : ""
        if services[i].global {
            guard let host = random.element(of: hosts.map(\.name)) else { return }
            lines.append("fail \(services[i].name) on \(host)\(code)")
        } else {
            lines.append("fail \(services[i].name).\(random.int(in: 1...max(1, services[i].replicas)))\(code)")
        }
    }

    /// Updates a live service to an image whose containers exit or fall sick, sometimes with a
    /// failure action, so that restarts, paused updates and rollbacks happen under faults.
    mutating func breakImage(_ live: [Int]) {
        guard let i = random.element(of: live), let image = random.element(of: Self.flakyImages) else { return createService() }
        let action = random.element(of: ["", " --update-failure-action rollback", " --update-failure-action continue"]) ?? ""
        services[i].flaky = true
        lines.append("\(console())$ docker service update -d\(action) --image \(image) \(services[i].name)")
    }
}
