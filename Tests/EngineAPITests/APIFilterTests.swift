import Testing
import Foundation
@testable import EngineAPI

/// The `filters` of the API's list endpoints are the engine's: its tables decide which keys and
/// values a list takes and what they match, with the daemon's errors and status codes.
@Suite struct APIFilterTests {
    /// `path?filters=<json>`, the JSON percent-encoded as docker's clients send it.
    static func filtered(_ path: String, _ json: String) -> String {
        path + "?filters=" + (json.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    static func names(_ list: String) -> [String] {
        list.components(separatedBy: #""Name":""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func networkFiltersAreAppliedAndChecked() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.status("POST", "/v1.50/networks/create", #"{"Name":"back","Driver":"overlay"}"#) == "HTTP/1.1 201 Created")
        #expect(Self.names(s.body("GET", Self.filtered("/v1.50/networks", #"{"dangling":{"true":true}}"#))) == ["back"])
        #expect(Self.names(s.body("GET", Self.filtered("/v1.50/networks", #"{"type":{"builtin":true}}"#))) == ["bridge", "host", "none"])
        #expect(s.status("GET", Self.filtered("/v1.50/networks", #"{"dangling":{"maybe":true}}"#)) == "HTTP/1.1 400 Bad Request")
        #expect(s.body("GET", Self.filtered("/v1.50/networks", #"{"dangling":{"maybe":true}}"#))
            == #"{"message":"invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")"}"# + "\n")
        // A worker checks the filters of its own networks too.
        #expect(s.body("GET", Self.filtered("/v1.50/networks", #"{"colour":{"x":true}}"#), on: "w1") == "{\"message\":\"invalid filter 'colour'\"}\n")
    }

    @Test func taskFiltersNameWhatExists() {
        let s = ServedSwarm(twoNodeSwarm)
        #expect(s.status("GET", Self.filtered("/v1.50/tasks", #"{"service":{"nosuch":true}}"#)) == "HTTP/1.1 404 Not Found")
        #expect(s.body("GET", Self.filtered("/v1.50/tasks", #"{"service":{"nosuch":true}}"#)) == "{\"message\":\"service nosuch not found\"}\n")
        #expect(s.body("GET", Self.filtered("/v1.50/tasks", #"{"node":{"w1":true},"runtime":{"container":true}}"#)) == "[]\n")
    }

    @Test func nodeAndServiceFiltersAreMobys() {
        let s = ServedSwarm(twoNodeSwarm)
        // moby's plain error for a role it does not know: a 500.
        #expect(s.status("GET", Self.filtered("/v1.50/nodes", #"{"role":{"boss":true}}"#)) == "HTTP/1.1 500 Internal Server Error")
        #expect(s.body("GET", Self.filtered("/v1.50/nodes", #"{"role":{"boss":true}}"#)) == "{\"message\":\"Invalid role filter: 'boss'\"}\n")
        #expect(s.body("GET", Self.filtered("/v1.50/nodes", #"{"role":{"WORKER":true}}"#)).components(separatedBy: #""Hostname":"w1""#).count == 2)
        #expect(s.body("GET", Self.filtered("/v1.50/services", #"{"runtime":{"container":true}}"#)) == "[]\n")
    }
}
