// The peer of swarmsim-bench's `raft-replicate` and `raft-elect`: the same two workloads on
// etcd raft's core (go.etcd.io/etcd/raft 3.4, the library swarmkit embeds), driven exactly as
// Benchmarks/Sources/swarmsim-bench/RaftWorkloads.swift drives ours: five RawNodes in one
// goroutine, a MemoryStorage each, messages delivered in memory by a FIFO loop, no network, no
// disk, no goroutines. Prints one JSON line: {"value": …, "unit": …, …}.
//
// Build (GOPATH mode, with Debian's golang-go and golang-etcd-server-dev):
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o etcdraft-peer .
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"os"
	"runtime"
	"syscall"
	"time"

	"go.etcd.io/etcd/raft"
	pb "go.etcd.io/etcd/raft/raftpb"
)

const (
	voters = 5
	// swarmkit's SnapshotInterval and LogEntriesForSlowFollowers (our Raft.Config defaults).
	snapshotInterval = 10000
	keepForSlow      = 500
	commandBytes     = 64
)

// cluster: members in memory with one FIFO of messages delivered instantly and a member that
// can be cut off. Members persist every Ready to a MemoryStorage and snapshot when
// snapshotInterval entries were applied since the last snapshot, as ours do.
type cluster struct {
	nodes     []*raft.RawNode
	storages  []*raft.MemoryStorage
	applied   []uint64 // commands applied (our State.applied)
	checksum  []uint64 // sum of each command's first word (our State.checksum)
	index     []uint64 // index of the last applied entry
	snapIndex []uint64
	confState pb.ConfState
	queue     []pb.Message
	cutOff    int // member index, or -1
	messages  int
	snapshots int
}

func newCluster() *cluster {
	c := &cluster{cutOff: -1}
	ids := make([]uint64, voters)
	for i := range ids {
		ids[i] = uint64(i + 1)
	}
	c.confState = pb.ConfState{Voters: ids}
	for i := 0; i < voters; i++ {
		s := raft.NewMemoryStorage()
		// Every member starts from the same membership, as ours do (no bootstrap entries).
		if err := s.ApplySnapshot(pb.Snapshot{Metadata: pb.SnapshotMetadata{Index: 1, Term: 1, ConfState: c.confState}}); err != nil {
			log.Fatal(err)
		}
		n, err := raft.NewRawNode(&raft.Config{
			ID: ids[i], ElectionTick: 10, HeartbeatTick: 1, Storage: s,
			CheckQuorum: true, PreVote: false,
			// swarmkit's settings (manager/state/raft/raft.go).
			MaxSizePerMsg: 1<<16 - 1, MaxInflightMsgs: 256,
			Logger: &raft.DefaultLogger{Logger: log.New(ioutil.Discard, "", 0)},
		})
		if err != nil {
			log.Fatal(err)
		}
		c.nodes = append(c.nodes, n)
		c.storages = append(c.storages, s)
	}
	c.applied = make([]uint64, voters)
	c.checksum = make([]uint64, voters)
	c.index = make([]uint64, voters)
	c.snapIndex = make([]uint64, voters)
	for i := range c.index {
		c.index[i], c.snapIndex[i] = 1, 1
	}
	c.queue = make([]pb.Message, 0, 64)
	for i := range c.nodes {
		c.process(i)
	}
	return c
}

// process persists, sends, applies and acknowledges everything member i has ready.
func (c *cluster) process(i int) {
	n, s := c.nodes[i], c.storages[i]
	for n.HasReady() {
		rd := n.Ready()
		if !raft.IsEmptySnap(rd.Snapshot) {
			if err := s.ApplySnapshot(rd.Snapshot); err != nil {
				log.Fatal(err)
			}
			c.index[i] = rd.Snapshot.Metadata.Index
			c.snapIndex[i] = c.index[i]
		}
		if err := s.Append(rd.Entries); err != nil {
			log.Fatal(err)
		}
		if !raft.IsEmptyHardState(rd.HardState) {
			s.SetHardState(rd.HardState)
		}
		for _, m := range rd.Messages {
			if c.cutOff >= 0 && (i == c.cutOff || int(m.To)-1 == c.cutOff) {
				continue
			}
			c.queue = append(c.queue, m)
		}
		for _, e := range rd.CommittedEntries {
			c.index[i] = e.Index
			if e.Type == pb.EntryNormal && len(e.Data) == commandBytes {
				c.applied[i]++
				c.checksum[i] += binary.LittleEndian.Uint64(e.Data)
			}
		}
		n.Advance(rd)
		if c.index[i]-c.snapIndex[i] >= snapshotInterval {
			state := make([]byte, 16)
			binary.LittleEndian.PutUint64(state, c.applied[i])
			binary.LittleEndian.PutUint64(state[8:], c.checksum[i])
			if _, err := s.CreateSnapshot(c.index[i], &c.confState, state); err != nil {
				log.Fatal(err)
			}
			if c.index[i] > keepForSlow {
				if err := s.Compact(c.index[i] - keepForSlow); err != nil && err != raft.ErrCompacted {
					log.Fatal(err)
				}
			}
			c.snapIndex[i] = c.index[i]
			c.snapshots++
		}
	}
}

// deliverAll delivers every message, and those they cause, in order.
func (c *cluster) deliverAll() {
	for head := 0; head < len(c.queue); head++ {
		m := c.queue[head]
		c.messages++
		i := int(m.To) - 1
		_ = c.nodes[i].Step(m)
		c.process(i)
	}
	c.queue = c.queue[:0]
}

func (c *cluster) tick(i int) {
	c.nodes[i].Tick()
	c.process(i)
	c.deliverAll()
}

// leader: a member that leads and is not cut off, or -1.
func (c *cluster) leader() int {
	for i, n := range c.nodes {
		if i != c.cutOff && n.BasicStatus().RaftState == raft.StateLeader {
			return i
		}
	}
	return -1
}

// converged: one leader, followed by every member in its term.
func (c *cluster) converged() bool {
	l := c.leader()
	if l < 0 {
		return false
	}
	ls := c.nodes[l].BasicStatus()
	for _, n := range c.nodes {
		st := n.BasicStatus()
		if st.Lead != ls.ID || st.Term != ls.Term {
			return false
		}
	}
	return true
}

// settle ticks everyone until a leader is known to all; returns the rounds.
func (c *cluster) settle() int {
	rounds := 0
	for !c.converged() {
		rounds++
		for i := range c.nodes {
			c.tick(i)
		}
		if rounds >= 10000 {
			log.Fatal("etcdraft: the cluster never settled")
		}
	}
	return rounds
}

func command(k uint64) []byte {
	data := make([]byte, commandBytes)
	for w := uint64(0); w < 8; w++ {
		binary.LittleEndian.PutUint64(data[8*w:], k+w)
	}
	return data
}

func replicate(entries int) (messages, snapshots int) {
	c := newCluster()
	c.settle()
	l := c.leader()
	c.messages = 0
	before := append([]uint64(nil), c.applied...)
	for k := 0; k < entries; k++ {
		if err := c.nodes[l].Propose(command(uint64(k))); err != nil {
			log.Fatalf("etcdraft: proposal refused: %v", err)
		}
		c.process(l)
		c.deliverAll()
	}
	for i := range c.nodes {
		if c.applied[i]-before[i] != uint64(entries) {
			log.Fatalf("etcdraft: member %d applied %d of %d", i+1, c.applied[i]-before[i], entries)
		}
	}
	return c.messages, c.snapshots
}

func elect(elections int) (electionRounds, settleRounds int) {
	c := newCluster()
	c.settle()
	for e := 0; e < elections; e++ {
		old := c.leader()
		if old < 0 {
			log.Fatal("etcdraft: no leader")
		}
		c.cutOff = old
		for {
			electionRounds++
			for i := range c.nodes {
				if i != old {
					c.tick(i)
				}
			}
			if c.leader() >= 0 {
				break
			}
			if electionRounds >= 1000*elections {
				log.Fatal("etcdraft: no new leader")
			}
		}
		c.cutOff = -1
		settleRounds += c.settle()
	}
	return
}

func main() {
	workload := flag.String("workload", "replicate", "replicate or elect")
	count := flag.Int("count", 0, "entries (replicate, default 100000) or elections (elect, default 20000)")
	repeat := flag.Int("repeat", 3, "runs; the best counts")
	flag.Parse()
	out := map[string]interface{}{"version": "etcd raft 3.4 (" + raftVersion() + "), " + runtime.Version()}
	var runs, cpu []float64
	best := 0.0
	// timed runs one: wall seconds in runs, CPU seconds of the whole process (every thread,
	// the collector's included) in cpu.
	timed := func(body func()) {
		before := cpuSeconds()
		start := time.Now()
		body()
		runs = append(runs, time.Since(start).Seconds())
		cpu = append(cpu, cpuSeconds()-before)
	}
	switch *workload {
	case "replicate":
		n := *count
		if n == 0 {
			n = 100000
		}
		var messages, snapshots int
		for r := 0; r < max(1, *repeat); r++ {
			timed(func() { messages, snapshots = replicate(n) })
		}
		best = minOf(runs)
		out["value"], out["unit"] = float64(n)/best, "entries/s"
		out["messages_per_entry"] = fmt.Sprintf("%.3g", float64(messages)/float64(n))
		out["snapshots_taken"] = snapshots
	case "elect":
		n := *count
		if n == 0 {
			n = 20000
		}
		var er, sr int
		for r := 0; r < max(1, *repeat); r++ {
			timed(func() { er, sr = elect(n) })
		}
		best = minOf(runs)
		out["value"], out["unit"] = float64(n)/best, "elections/s"
		out["mean_ticks_per_election"] = fmt.Sprintf("%.3g", float64(er)/float64(n))
		out["mean_ticks_to_settle"] = fmt.Sprintf("%.3g", float64(sr)/float64(n))
	default:
		fmt.Fprintln(os.Stderr, "etcdraft: -workload must be replicate or elect")
		os.Exit(2)
	}
	out["runs_s"] = rounded(runs)
	out["cpu_s"] = rounded(cpu)
	line, _ := json.Marshal(out)
	fmt.Println(string(line))
}

func rounded(xs []float64) []string {
	r := make([]string, len(xs))
	for i, x := range xs {
		r[i] = fmt.Sprintf("%.3g", x)
	}
	return r
}

// cpuSeconds: user and system time used by this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)*1e-6
}

func minOf(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
