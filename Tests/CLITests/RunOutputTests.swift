import Testing
@testable import swarmsim

/// What `swarmsim run` prints, exactly: narration once, `-q` keeping the faults, `--present`
/// for a projector.
@Suite struct RunOutputTests {
    static let scenario = """
        seed 7
        hosts m1 m2 m3
        m1$ docker swarm init
        m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
        m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
        wait 5s
        say "m1 leads."
        expect leader is m1
        crash m1
        say "m2 or m3 takes over."
        expect leader in m2,m3 within 30s
        """

    static func run(_ options: String...) -> (Int32, String) {
        let fs = FakeSystem()
        fs.files["p.swarm"] = Array(scenario.utf8)
        let code = CLI.main(["run", "p.swarm"] + options, io: fs.io)
        return (code, fs.out)
    }

    @Test func narrationPrintsOnce() {
        let (code, out) = Self.run()
        #expect(code == 0)
        #expect(out == """
            [0.000s] m1$ docker swarm init
            Swarm initialized: current node (03idaltf1grujm45tiy8rp27f) is now a manager.

            To add a worker to this swarm, run the following command:

                docker swarm join --token SWMTKN-1-anztfvifn8fb4nufqsk9eujpud7tjwh41c3sqtkkfjv8d6a514-3h26wsxc1f6abi6knqfipjmt7 192.168.0.10:2377

            To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.

            [0.001s] m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            This node joined a swarm as a manager.
            [0.003s] m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
            This node joined a swarm as a manager.
            [0.011s] wait 5s
            m1 leads.
            [5.011s] expect leader is m1
            [5.011s] crash m1
            m2 or m3 takes over.
            [5.011s] expect leader in m2,m3 within 30s

            """)
    }

    @Test func quietKeepsNarrationAndFaults() {
        let (code, out) = Self.run("-q")
        #expect(code == 0)
        #expect(out == """
            Swarm initialized: current node (03idaltf1grujm45tiy8rp27f) is now a manager.

            To add a worker to this swarm, run the following command:

                docker swarm join --token SWMTKN-1-anztfvifn8fb4nufqsk9eujpud7tjwh41c3sqtkkfjv8d6a514-3h26wsxc1f6abi6knqfipjmt7 192.168.0.10:2377

            To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.

            This node joined a swarm as a manager.
            This node joined a swarm as a manager.
            m1 leads.
            [5.011s] crash m1
            m2 or m3 takes over.

            """)
    }

    @Test func presentKeepsTimesAndFaultsAndCutsTokensShort() {
        let (code, out) = Self.run("--present")
        #expect(code == 0)
        #expect(out == """
            [0.000s] m1$ docker swarm init
            Swarm initialized: current node (03idaltf1grujm45tiy8rp27f) is now a manager.

            To add a worker to this swarm, run the following command:

                docker swarm join --token SWMTKN-1-anztfv… 192.168.0.10:2377

            To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.

            [0.001s] m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            This node joined a swarm as a manager.
            [0.003s] m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
            This node joined a swarm as a manager.
            [0.011s] wait 5s
            m1 leads.
            [5.011s] crash m1
            m2 or m3 takes over.

            """)
    }

    @Test func presentAndQuietDoNotGoTogether() {
        #expect(Self.run("--present", "-q").0 == 2)
    }

    @Test func tokensAreCutWhereverTheyAppear() {
        #expect(Presenter.shortenTokens("a SWMTKN-1-abcdefgh-ijk b SWMTKN-1-xy\n") == "a SWMTKN-1-abcdef… b SWMTKN-1-xy\n")
        #expect(Presenter.shortenTokens("no token") == "no token")
    }
}
