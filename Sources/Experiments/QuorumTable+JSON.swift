import SimCore

/// The quorum table as JSON: the options, then one object per manager count with every
/// analytic value, count and interval (fractions in [0, 1], durations in nanoseconds).
extension QuorumTable {
    public var json: String {
        let o = options
        let header: [JSONValue.Member] = [
            .init("format", .string("swarmsim-quorum")),
            .init("version", .int(1)),
            .init("seed", .int(o.seed)),
            .init("trials", .int(o.trials)),
            .init("mtbf_ns", .int(o.mtbf.nanoseconds)),
            .init("mttr_ns", .int(o.mttr.nanoseconds)),
            .init("horizon_ns", .int(o.horizon.nanoseconds)),
            .init("settle_ns", .int(QuorumTrials.settle.nanoseconds)),
            .init("interval", .string("95%: Wilson score for shares of trials; mean ± t(0.975,n-1)·s/√n for shares of time")),
            .init("rows", .array(rows.map(json))),
        ]
        return JSONValue.object(header).rendered + "\n"
    }

    func json(_ r: Row) -> JSONValue {
        var m: [JSONValue.Member] = [
            .init("managers", .int(r.managers)),
            .init("majority", .int(r.majority)),
            .init("tolerated", .int(r.tolerated)),
        ]
        if hasCrash {
            m.append(.init("crash", .object([
                .init("tolerated_simulated", .int(simulatedTolerance(r))),
                .init("cells", .array(r.crash.map { c in .object([
                    .init("k", .int(c.k)), .init("trials", .int(c.trials)), .init("with_leader", .int(c.withLeader)),
                    .init("leader_expected", .bool(c.leaderExpected)), .init("agrees", .bool(c.agrees)),
                ]) })),
                .init("election_ns", .array(r.electionTimes.map { .int($0.nanoseconds) })),
            ])))
        }
        if let c = r.split {
            m.append(.init("split", .object([
                .init("trials", .int(c.trials)), .init("without_leader", .int(c.withoutLeader)),
                .init("leader_on_minority", .int(c.leaderOnMinority)),
                .init("analytic", .double(c.analytic)), .init("simulated", .double(c.simulated)),
                .init("low", .double(c.interval.lowerBound)), .init("high", .double(c.interval.upperBound)),
            ])))
        }
        if let c = r.availability {
            m.append(.init("availability", .object([
                .init("trials", .int(c.trials)), .init("analytic", .double(c.analytic)),
                .init("majority_up", .double(c.majorityUp)), .init("majority_up_half_width", .double(c.majorityUpHalfWidth)),
                .init("leader", .double(c.leader)), .init("leader_half_width", .double(c.leaderHalfWidth)),
                .init("failures", .int(c.failures)), .init("observed_ns", .int(c.observed.nanoseconds)),
            ])))
        }
        m.append(.init("form_failures", .int(r.formFailures)))
        return .object(m)
    }
}
