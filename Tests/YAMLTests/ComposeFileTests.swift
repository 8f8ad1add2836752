import Testing
import YAML

/// Whole compose files as people write them.
@Suite struct ComposeFileTests {
    /// The web + mysql file of the study notes this project grew from.
    static let webMySQL = """
        services:
          web:
            image: alicek106/composetest:web
            ports:
              - 80:80
            links:
              - mysql:db
            command: apachectl -DFOREGROUND
          mysql:
            image: alicek106/composetest:mysql
            command: mysqld

        """

    @Test func studyNotesWebAndMySQL() throws {
        #expect(try read(Self.webMySQL) == "{services@1:1: {web@2:3: {image@3:5: alicek106/composetest:web@3:12, "
            + "ports@4:5: [80:80@5:9]@5:7, links@6:5: [mysql:db@7:9]@7:7, command@8:5: apachectl -DFOREGROUND@8:14}@3:5, "
            + "mysql@9:3: {image@10:5: alicek106/composetest:mysql@10:12, command@11:5: mysqld@11:14}@10:5}@2:3}@1:1")
        let ports = try root(Self.webMySQL)["services"]?["web"]?["ports"]?.sequence?.first?.scalar
        #expect(ports?.value == .string("80:80"))
        #expect(ports?.isPlain == true)
    }

    @Test func environmentAsListAndAsMapping() throws {
        let text = """
            services:
              web:
                environment:
                  - MYSQL_HOST=mysql
                  - MYSQL_PORT=3306
              api:
                environment:
                  MYSQL_HOST: mysql
                  MYSQL_PORT: 3306
                  DEBUG:
                  QUOTED: "3306"

            """
        let services = try #require(try root(text)["services"])
        #expect(services["web"]?["environment"]?.sequence?.map(\.text) == ["MYSQL_HOST=mysql", "MYSQL_PORT=3306"])
        let env = try #require(services["api"]?["environment"])
        #expect(env["MYSQL_PORT"]?.scalar?.value == .int(3306))
        #expect(env["MYSQL_PORT"]?.text == "3306")
        #expect(env["DEBUG"]?.isNull == true)
        #expect(env["QUOTED"]?.scalar?.value == .string("3306"))
        #expect(env["MYSQL_PORT"]?.location == YAML.Mark(line: 9, column: 19))
    }

    @Test func swarmDeployFileWithLongSyntax() throws {
        let text = """
            version: "3.9"
            services:
              web:
                image: nginx:1.25
                ports:
                  - target: 80
                    published: 8080
                    protocol: tcp
                    mode: ingress
                deploy:
                  mode: replicated
                  replicas: 6
                  placement:
                    constraints:
                      - node.role == worker
                      - "node.labels.zone != b"
                    preferences:
                      - spread: node.labels.zone
                  update_config: {parallelism: 2, delay: 10s, order: start-first}
                healthcheck:
                  test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
                  interval: 30s
            networks:
              default:
                driver: overlay
                attachable: true
            secrets:
              db_password:
                file: ./db_password.txt

            """
        let node = try root(text)
        #expect(node["version"]?.scalar?.value == .string("3.9"))
        let web = try #require(node["services"]?["web"])
        #expect(web["ports"]?.sequence?.first?["published"]?.scalar?.value == .int(8080))
        #expect(web["deploy"]?["placement"]?["constraints"]?.sequence?.map(\.text)
            == ["node.role == worker", "node.labels.zone != b"])
        #expect(web["deploy"]?["update_config"]?["delay"]?.text == "10s")
        #expect(web["healthcheck"]?["test"]?.sequence?.last?.text == "curl -f http://localhost/ || exit 1")
        #expect(node["networks"]?["default"]?["attachable"]?.scalar?.value == .bool(true))
        #expect(node.mapping?.map { $0.key.text } == ["version", "services", "networks", "secrets"])
    }
}
