@testable import DockerClient
import Compose
import Orchestration
import Testing

/// A stack's secrets and configs as docker/cli's convert makes them: created objects scoped to
/// the stack, services' references by name with docker's defaults.
@Suite struct StackConvertPayloadTests {
    static let text = """
        services:
          web:
            image: nginx
            secrets:
              - db_pass
              - source: api_key
                target: key.txt
                uid: "33"
                gid: "34"
                mode: 0400
            configs:
              - source: site
                target: /etc/nginx/conf.d/site.conf
              - shared_conf
        secrets:
          db_pass: {file: ./secrets/db_pass.txt}
          api_key: {file: /etc/api.key, name: global_api_key}
          vault: {external: true}
        configs:
          site: {file: ../site.conf}
          shared_conf: {external: true}
        """

    static func convert() throws -> StackConvert {
        StackConvert(namespace: "app", file: try ComposeLoader.load(text, file: "stack/docker-compose.yml").file)
    }

    @Test func createdObjectsAreScopedLabelledAndSortedWithTheirFiles() throws {
        let secrets = try Self.convert().objects(.secret, directory: "stack/")
        #expect(secrets.map(\.spec.name) == ["app_db_pass", "global_api_key"])
        #expect(secrets.map(\.file) == ["stack/secrets/db_pass.txt", "/etc/api.key"])
        #expect(secrets.allSatisfy { $0.spec.labels[Stack.namespaceLabel] == "app" })
        let configs = try Self.convert().objects(.config, directory: "stack/")
        #expect(configs.map(\.spec.name) == ["app_site"])
        #expect(configs.map(\.file) == ["site.conf"])
    }

    @Test func serviceReferencesCarryDockersDefaultsAndAreSortedByName() throws {
        let spec = try Self.convert().service(try #require(Self.convert().file.service("web")))
        let secrets = spec.task.secrets
        #expect(secrets.map(\.name) == ["app_db_pass", "global_api_key"])
        #expect(secrets.map(\.target) == ["db_pass", "key.txt"])
        #expect(secrets.map(\.uid) == ["0", "33"])
        #expect(secrets.map(\.gid) == ["0", "34"])
        #expect(secrets.map(\.mode) == [0o444, 0o400])
        #expect(secrets.allSatisfy { $0.id.isEmpty })
        let configs = spec.task.configs
        #expect(configs.map(\.name) == ["app_site", "shared_conf"])
        #expect(configs.map(\.target) == ["/etc/nginx/conf.d/site.conf", "shared_conf"])
    }

    @Test func modeIsReadAsGoReadsIt() throws {
        let file = try ComposeLoader.load("""
            services:
              web:
                image: nginx
                secrets: [{source: s, mode: 0o440}, {source: t, mode: 288}]
            secrets:
              s: {file: s.txt}
              t: {file: t.txt}
            """, file: "c.yml").file
        let spec = try StackConvert(namespace: "x", file: file).service(try #require(file.service("web")))
        #expect(spec.task.secrets.map(\.mode) == [0o440, 0o440])
    }

    @Test func aModeThatIsNotANumberIsTheSchemasError() {
        #expect(throws: ComposeError.self) {
            try ComposeLoader.load("""
                services:
                  web: {image: nginx, secrets: [{source: s, mode: rw}]}
                secrets:
                  s: {file: s.txt}
                """, file: "c.yml")
        }
    }

    @Test func pathsAreCleanedAsGoCleansThem() {
        #expect(StackConvert.cleaned("a/./b.txt") == "a/b.txt")
        #expect(StackConvert.cleaned("a/../../b.txt") == "../b.txt")
        #expect(StackConvert.cleaned("/x/../y") == "/y")
        #expect(StackConvert.cleaned("./") == ".")
    }
}
