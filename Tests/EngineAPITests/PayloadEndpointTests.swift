import Testing
@testable import EngineAPI

/// `/secrets`, `/configs` and the autolock endpoints: exact bodies and the daemon's codes.
@Suite struct PayloadEndpointTests {
    @Test func secretsAreCreatedListedInspectedWithoutDataAndRemoved() {
        let s = ServedSwarm(twoNodeSwarm)
        let create = #"{"Name":"db_pass","Labels":{"env":"prod"},"Data":"czNjcjN0"}"#
        #expect(s.status("POST", "/v1.50/secrets/create", create) == "HTTP/1.1 201 Created")
        #expect(s.body("POST", "/v1.50/secrets/create", create) == "{\"message\":\"rpc error: code = AlreadyExists desc = secret db_pass already exists\"}\n")
        #expect(s.status("POST", "/v1.50/secrets/create", create) == "HTTP/1.1 409 Conflict")
        #expect(s.status("POST", "/v1.50/secrets/create", #"{"Name":"x","Data":"!!"}"#) == "HTTP/1.1 400 Bad Request")
        #expect(s.body("POST", "/v1.50/secrets/create", #"{"Name":"x","Data":""}"#)
            == "{\"message\":\"rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 512000 bytes\"}\n")
        let list = s.body("GET", "/v1.50/secrets")
        #expect(list.hasPrefix(#"[{"ID":""#))
        #expect(list.contains(#""Spec":{"Name":"db_pass","Labels":{"env":"prod"}}}]"#))
        #expect(!list.contains("Data"))
        let filtered = "/v1.50/secrets?filters=%7B%22name%22%3A%7B%22db%22%3Atrue%7D%7D"
        #expect(s.body("GET", filtered) == list)
        #expect(s.body("GET", "/v1.50/secrets?filters=%7B%22name%22%3A%7B%22x%22%3Atrue%7D%7D") == "[]\n")
        #expect(s.body("GET", "/v1.50/secrets?filters=%7B%22color%22%3A%7B%22x%22%3Atrue%7D%7D") == "{\"message\":\"invalid filter 'color'\"}\n")
        #expect(s.body("GET", "/v1.50/secrets/db_pass") + "" == String(list.dropFirst().dropLast(2)) + "\n")
        #expect(s.body("GET", "/v1.50/secrets/nosuch") == "{\"message\":\"secret nosuch not found\"}\n")
        #expect(s.status("GET", "/v1.50/secrets/nosuch") == "HTTP/1.1 404 Not Found")
        #expect(s.status("DELETE", "/v1.50/secrets/db_pass") == "HTTP/1.1 204 No Content")
        #expect(s.status("DELETE", "/v1.50/secrets/db_pass") == "HTTP/1.1 404 Not Found")
        #expect(s.body("GET", "/v1.50/secrets") == "[]\n")
        #expect(s.status("GET", "/v1.50/secrets", on: "w1") == "HTTP/1.1 503 Service Unavailable")
    }

    @Test func aConfigShowsItsDataAndASecretInUseIsRefused() {
        let s = ServedSwarm(twoNodeSwarm + """
            m1$ printf s3cr3t | docker secret create db_pass -
            m1$ docker service create --name web --secret db_pass nginx

            """)
        #expect(s.status("POST", "/v1.50/configs/create", #"{"Name":"site","Data":"aGVsbG8K"}"#) == "HTTP/1.1 201 Created")
        #expect(s.body("GET", "/v1.50/configs/site").contains(#""Spec":{"Name":"site","Labels":{},"Data":"aGVsbG8K"}}"#))
        #expect(s.body("DELETE", "/v1.50/secrets/db_pass") == "{\"message\":\"rpc error: code = InvalidArgument desc = secret 'db_pass' is in use by the following service: web\"}\n")
        #expect(s.status("DELETE", "/v1.50/secrets/db_pass") == "HTTP/1.1 400 Bad Request")
        #expect(s.status("DELETE", "/v1.50/configs/site") == "HTTP/1.1 204 No Content")
    }

    @Test func aServiceCreatedThroughTheAPIKeepsItsSecrets() {
        let s = ServedSwarm(twoNodeSwarm + "m1$ printf s3cr3t | docker secret create db_pass -\n")
        let id = s.body("GET", "/v1.50/secrets/db_pass").components(separatedBy: #""ID":""#)[1].prefix(while: { $0 != "\"" })
        let spec = #"{"Name":"api","TaskTemplate":{"ContainerSpec":{"Image":"nginx","Secrets":[{"File":{"Name":"pw","UID":"0","GID":"0","Mode":256},"SecretID":"\#(id)","SecretName":"db_pass"}]}}}"#
        #expect(s.status("POST", "/v1.50/services/create", spec) == "HTTP/1.1 201 Created")
        #expect(s.status("DELETE", "/v1.50/secrets/db_pass") == "HTTP/1.1 400 Bad Request")
        let store = s.runner.servedSwarm!.allSeeing.freshestStore
        let refs = store?.services.first { $0.spec.name == "api" }?.spec.task.secrets ?? []
        #expect(refs.map { "\($0.name) \($0.id == id) \($0.target) \($0.mode)" } == ["db_pass true pw 256"])
    }

    @Test func autolockIsTurnedOnRotatedAndOffThroughSwarmUpdate() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.body("GET", "/v1.50/swarm/unlockkey") == "{\"UnlockKey\":\"\"}\n")
        func version() -> Substring { s.body("GET", "/v1.50/swarm").components(separatedBy: #""Version":{"Index":"#)[1].prefix(while: \.isNumber) }
        let on = #"{"EncryptionConfig":{"AutoLockManagers":true}}"#
        #expect(s.status("POST", "/v1.50/swarm/update?version=\(version())", on) == "HTTP/1.1 200 OK")
        #expect(s.body("GET", "/v1.50/swarm").contains(#""EncryptionConfig":{"AutoLockManagers":true}"#))
        let key = s.body("GET", "/v1.50/swarm/unlockkey")
        #expect(key.hasPrefix(#"{"UnlockKey":"SWMKEY-1-"#))
        #expect(s.status("POST", "/v1.50/swarm/update?version=\(version())&rotateManagerUnlockKey=true", on) == "HTTP/1.1 200 OK")
        let rotated = s.body("GET", "/v1.50/swarm/unlockkey")
        #expect(rotated.hasPrefix(#"{"UnlockKey":"SWMKEY-1-"#) && rotated != key)
        #expect(s.body("POST", "/v1.50/swarm/unlock", #"{"UnlockKey":"SWMKEY-1-abcd"}"#) == "{\"message\":\"swarm is not locked\"}\n")
        #expect(s.status("POST", "/v1.50/swarm/unlock", #"{"UnlockKey":"SWMKEY-1-abcd"}"#) == "HTTP/1.1 409 Conflict")
        #expect(s.status("POST", "/v1.50/swarm/update?version=\(version())", #"{"EncryptionConfig":{"AutoLockManagers":false}}"#) == "HTTP/1.1 200 OK")
        #expect(s.body("GET", "/v1.50/swarm/unlockkey") == "{\"UnlockKey\":\"\"}\n")
    }

    @Test func aRestartedManagerIsUnlockedWithItsKey() {
        let s = ServedSwarm("""
            hosts m1 m2 m3
            m1$ docker swarm init --autolock
            m2$ docker swarm join --token $MANAGER_TOKEN m1:2377
            m3$ docker swarm join --token $MANAGER_TOKEN m1:2377
            wait 10s
            crash m3
            restart m3
            wait 5s

            """)
        let key = s.runner.servedSwarm!.unlockKey ?? ""
        #expect(s.status("GET", "/v1.50/nodes", on: "m3") == "HTTP/1.1 503 Service Unavailable")
        #expect(s.status("POST", "/v1.50/swarm/unlock", #"{"UnlockKey":"nokey"}"#, on: "m3") == "HTTP/1.1 400 Bad Request")
        #expect(s.body("POST", "/v1.50/swarm/unlock", #"{"UnlockKey":"SWMKEY-1-abcd"}"#, on: "m3")
            == "{\"message\":\"swarm could not be unlocked: invalid key provided\"}\n")
        #expect(s.status("POST", "/v1.50/swarm/unlock", #"{"UnlockKey":"SWMKEY-1-abcd"}"#, on: "m3") == "HTTP/1.1 401 Unauthorized")
        #expect(s.status("POST", "/v1.50/swarm/unlock", "{\"UnlockKey\":\"\(key)\"}", on: "m3") == "HTTP/1.1 200 OK")
        #expect(s.exchange("GET /_ping HTTP/1.1\r\nConnection: close\r\n\r\n", on: "m3").contains("Swarm: active/manager"))
    }
}
