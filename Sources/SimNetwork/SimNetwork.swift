// SimNetwork: hosts on a simulated network, described by plain values.
//
// The network is a pure decision maker with its own deterministic random stream. It does not own
// the event queue: the shell (module Cluster) asks `Network.transmit(from:to:)` what happens to a
// message sent now — dropped, and why, or delivered after one or two delays — schedules the
// deliveries itself, and when a delivery fires asks `Network.accepts(…)` whether the receiver can
// still take it. That keeps this module testable with no simulator running (DESIGN.md §1).
//
// The model, after TigerBeetle's packet simulator (STYLE.md 7):
// - a link is one direction between two hosts, with a `Latency` distribution, a loss ratio and a
//   duplication ratio (`LinkProfile`); every pair uses `Network.defaultLink` unless overridden;
// - reordering is not a separate knob: it comes from latency jitter, so two messages on one link
//   may overtake each other whenever the latency is not fixed;
// - partitions put every host in one group; hosts in different groups cannot talk; `isolate`
//   gives one host a group of its own; a `cut` silences one direction of one pair;
// - a crashed host neither sends nor receives; a restart starts a new incarnation, and messages
//   in flight to an older incarnation are void.
//
// The types: `Latency`, `LinkProfile`, `DropReason`, `Transmission`, `Network`, `Envelope`.
import SimCore
