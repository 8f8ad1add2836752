/// `seed 42`, `raft prevote on`, … : a key and its value.
public struct Setting: Equatable, Sendable {
    public var key: SettingKey
    public var value: SettingValue

    public init(key: SettingKey, value: SettingValue) {
        self.key = key
        self.value = value
    }
}
