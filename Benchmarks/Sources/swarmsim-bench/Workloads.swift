/// Every workload, in the order `swarmsim-bench` runs them when none is named.
let allWorkloads: [Workload] = [kernelHold, networkTransmit, raftReplicate, raftElect, schedule, swarmScale, swarm3k, scaling, sweep]
