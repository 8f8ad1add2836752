/// An error answer: the status and the `message` of the JSON body, as moby writes errors.
public struct APIError: Error, Equatable, Sendable {
    public var status: Int
    public var message: String
    public init(_ status: Int, _ message: String) { self.status = status; self.message = message }
}
