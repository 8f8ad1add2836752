/// The image behaviours declared so far, by normalised reference. Lookups only; never iterated.
public struct ImageCatalog: Equatable, Sendable {
    var behaviours: [String: ContainerBehaviour] = [:]

    public init() {}

    /// Declares how containers of `image` behave from now on (replacing an earlier declaration).
    public mutating func declare(_ image: String, _ behaviour: ContainerBehaviour) {
        behaviours[ImageReference.normalized(image)] = behaviour
    }

    /// How containers of `image` behave; nil for an image never declared.
    public func behaviour(of image: String) -> ContainerBehaviour? {
        behaviours.isEmpty ? nil : behaviours[ImageReference.normalized(image)]
    }
}
