import Testing
@testable import EngineAPI

/// The HTTP/1.1 request parser: exact parses, the 4xx/5xx refusals, and its limits.
@Suite struct HTTPParserTests {
    /// Feeds `text` whole and takes every request, or the first error.
    func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> (requests: [HTTPRequest], error: HTTPParseError?) {
        var p = HTTPParser(limits: limits)
        p.append(Array(text.utf8))
        var out: [HTTPRequest] = []
        do {
            while let r = try p.next() { out.append(r) }
        } catch {
            return (out, error)
        }
        return (out, nil)
    }

    @Test func aRequestWithHeadersAndALengthBody() {
        let (rs, e) = parse("POST /v1.50/swarm/init?x=1 HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        #expect(e == nil)
        #expect(rs == [HTTPRequest(method: "POST", target: "/v1.50/swarm/init?x=1", minorVersion: 1,
                                   headers: [HTTPHeader("Host", "docker"), HTTPHeader("Content-Type", "application/json"), HTTPHeader("Content-Length", "2")],
                                   body: Array("{}".utf8))])
        #expect(rs.first?.path == "/v1.50/swarm/init")
        #expect(rs.first?.query == "x=1")
        #expect(rs.first?.header("content-type") == "application/json")
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let (rs, e) = parse("GET /_ping HTTP/1.1\r\n\r\nHEAD /_ping HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(e == nil)
        #expect(rs.map(\.method) == ["GET", "HEAD"])
        #expect(rs.map(\.keepAlive) == [true, false])
    }

    @Test func keepAliveFollowsTheVersionAndConnectionHeader() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").requests.first?.keepAlive == true)
        #expect(parse("GET / HTTP/1.1\r\nConnection: upgrade, close\r\n\r\n").requests.first?.keepAlive == false)
    }

    @Test func aChunkedBodyIsDecoded() {
        let (rs, e) = parse("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\nGET /y HTTP/1.1\r\n\r\n")
        #expect(e == nil)
        #expect(rs.map(\.target) == ["/x", "/y"])
        #expect(rs.first?.body == Array("Wikipedia".utf8))
    }

    @Test func byteByByteGivesTheSameRequests() {
        let text = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nPUT /b HTTP/1.1\nContent-Length: 3\n\nxyz"
        var p = HTTPParser()
        var out: [HTTPRequest] = []
        for b in text.utf8 {
            p.append([b])
            while let r = try? p.next() { out.append(r) }
        }
        #expect(out.map(\.target) == ["/a", "/b"])
        #expect(out.map { String(decoding: $0.body, as: UTF8.self) } == ["abc", "xyz"])
        #expect(p.pendingByteCount == 0)
    }

    @Test func anIncompleteRequestWaits() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n").requests.isEmpty)
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n").error == nil)
        #expect(parse("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab").requests.isEmpty)
    }

    @Test func emptyLinesBeforeARequestAreSkipped() {
        #expect(parse("\r\n\r\nGET /_ping HTTP/1.1\r\n\r\n").requests.map(\.target) == ["/_ping"])
    }

    @Test(arguments: [
        ("GET /\r\n\r\n", "malformed request line"),
        ("GET  / HTTP/1.1\r\n\r\n", "malformed request line"),
        ("G(T / HTTP/1.1\r\n\r\n", "invalid method"),
        ("GET http://x/ HTTP/1.1\r\n\r\n", "invalid request target"),
        ("GET / HTTP/1.1\r\n folded: x\r\n\r\n", "obsolete line folding"),
        ("GET / HTTP/1.1\r\nNo colon\r\n\r\n", "header line without a colon"),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "invalid header name"),
        ("GET / HTTP/1.1\r\nX: a\u{01}b\r\n\r\n", "invalid character in header value"),
        ("GET / HTTPS/1.1\r\n\r\n", "malformed HTTP version"),
        ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
        ("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "invalid Content-Length"),
        ("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", "invalid Content-Length"),
        ("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "both Transfer-Encoding and Content-Length"),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", "Transfer-Encoding in an HTTP/1.0 request"),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size"),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk data longer than its size"),
    ])
    func malformedInputIsA400(text: String, message: String) {
        let (rs, e) = parse(text)
        #expect(rs.isEmpty)
        #expect(e == HTTPParseError(400, message))
    }

    @Test func otherVersionsAndCodingsHaveTheirOwnCodes() {
        #expect(parse("GET / HTTP/2.0\r\n\r\n").error == HTTPParseError(505, "HTTP version not supported"))
        #expect(parse("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").error == HTTPParseError(501, "unsupported transfer encoding"))
    }

    @Test func limitsRefuseInsteadOfBuffering() {
        let small = HTTPLimits(maxHeaderBytes: 64, maxHeaderCount: 2, maxBodyBytes: 4)
        #expect(parse("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 100), limits: small).error == HTTPParseError(431, "request header too large"))
        #expect(parse("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: small).error == HTTPParseError(431, "too many header fields"))
        #expect(parse("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n", limits: small).error == HTTPParseError(413, "request body too large"))
        #expect(parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\n", limits: small).error == HTTPParseError(413, "request body too large"))
        #expect(parse("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd", limits: small).requests.count == 1)
    }

    @Test func anErrorSticks() {
        var p = HTTPParser()
        p.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParseError(400, "malformed request line")) { try p.next() }
        #expect(throws: HTTPParseError(400, "malformed request line")) { try p.next() }
    }

    @Test func responsesAreWrittenWithTheirLength() {
        let r = HTTPResponse(status: 404, contentType: "application/json", text: "{}")
        #expect(String(decoding: r.serialized(), as: UTF8.self) == "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        #expect(String(decoding: r.serialized(head: true, close: true), as: UTF8.self)
            == "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n")
        #expect(String(decoding: HTTPResponse(status: 204).serialized(), as: UTF8.self) == "HTTP/1.1 204 No Content\r\n\r\n")
    }
}
