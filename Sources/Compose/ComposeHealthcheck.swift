public struct ComposeHealthcheck: Sendable, Equatable {
    public var test: [String] = []
    public var interval: String?
    public var timeout: String?
    public var retries: Int?
    public var startPeriod: String?
    public var disable = false

    public init() {}
}
