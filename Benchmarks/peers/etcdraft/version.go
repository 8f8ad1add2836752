package main

import "go.etcd.io/etcd/version"

// raftVersion: the etcd release the raft sources come from.
func raftVersion() string { return version.Version }
