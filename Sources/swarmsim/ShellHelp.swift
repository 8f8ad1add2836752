/// What the shell's `help` prints: every statement of the language with an example, the
/// settings, the shell's own commands and the keys. A test checks that every statement
/// keyword and every setting appears here.
enum ShellHelp {
    static let text = """
        Statements (one a line; a line ending in \\ goes on on the next):
          hosts m1..m3 w1 w2                 declare hosts (cpus=2 memory=4GiB labels=zone=a ip=10.0.0.9)
          m1$ docker swarm init              a docker command on a host ($WORKER_TOKEN, $MANAGER_TOKEN, $LEADER)
          m1$ printf 'x' | docker secret create s -
                                             a docker command with a standard input (printf or echo)
          file app.yml <<EOF                 a file the docker CLI reads, up to a line holding EOF
          wait 10s                           let virtual time pass ('wait 10ms..75ms': a random wait from the seed)
          wait until leader timeout 30s      let it pass until a condition holds
          partition m1 m2 | m3               split the network into sides
          isolate m1                         cut one host off from every other
          cut m1 -> m2                       m2 stops hearing m1 (one way)
          link m1 m2 latency=200ms loss=10%  change a link ('link m1 m2 reset' undoes it)
          heal                               end partitions, isolation and cuts
          crash m1                           stop a host
          restart m1                         start a crashed host again
          curl w1:8080 x 6                   send requests through the routing mesh; who answered
          image web:2 exits 1 after 5s       how an image's containers behave (completes after 30s, unhealthy
                                             after 20s, pull fails)
          fail web.2 exit 137                the container of a task exits now ('fail agent on w1')
          say "text"                         narrate
          show cluster                       a picture of the swarm now ('show services', 'show mesh')
          expect leader in m2,m3 within 30s  check: leader, no leader, leader is m1, node w1 down|ready|unknown,
                                             manager m1 follower term 3, service web running 3, services converged,
                                             curl no-failures
          measure failover until leader      how long until a condition holds
          lang ko                            the pictures' labels in Korean (or en)
          seed 42                            settings: network latency 1ms..5ms, network loss 1%, network duplication 1%,
                                             raft tick 1s, raft election-ticks 10, raft election-timeout 10..20,
                                             raft heartbeat-ticks 1, raft prevote on, raft check-quorum off,
                                             raft snapshot-interval 10000, raft persist-latency 1ms..5ms,
                                             raft election-timer paper, raft tick-jitter 50us,
                                             raft term-write first,
                                             dispatcher heartbeat 5s, mesh balance round-robin, mesh propagation 1s,
                                             task pull-time 2s, task start-time 1s, swarm reads leader
        Shell commands:
          next [N]                           run the file on to the end of its next (N) narration blocks
          continue                           run the rest of the file
          until LINE                         run the file's statements up to line LINE
          help                               this list
          report FILE.html                   write the timeline report of the session so far
          save FILE.swarm                    write the session's statements as a scenario file
          exit                               leave (or Ctrl-D on an empty line)
        Keys: Tab completes; Left/Right, Home/End, Ctrl-A/Ctrl-E move; Up/Down recall earlier lines; Backspace, Delete,
          Ctrl-K (to the end), Ctrl-U (to the start), Ctrl-W (a word) delete; Ctrl-C clears the line.

        """
}
