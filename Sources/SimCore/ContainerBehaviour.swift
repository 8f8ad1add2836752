/// How the containers of one image behave once started, as a scenario declares it
/// (`image web:2 exits 1 after 5s`). An image never declared runs for ever and stays healthy.
///
/// A moment given as a range (`10s..60s`) is drawn from the seed for each container when it
/// starts, so every container of the image exits at its own time.
public enum ContainerBehaviour: Equatable, Sendable {
    /// The process exits with `code` this long after the container starts.
    case exits(code: Int, after: SimDuration, upTo: SimDuration)
    /// The process exits with code 0 this long after the container starts.
    case completes(after: SimDuration, upTo: SimDuration)
    /// The container's health check fails from this long after it starts.
    case unhealthy(after: SimDuration, upTo: SimDuration)
    /// Pulling the image fails; creating the container then fails with "No such image".
    case pullFails

    /// The earliest and latest moment of the behaviour (both zero for `pullFails`).
    public var moment: (SimDuration, SimDuration) {
        switch self {
        case .exits(_, let lo, let hi), .completes(let lo, let hi), .unhealthy(let lo, let hi): (lo, hi)
        case .pullFails: (.zero, .zero)
        }
    }
}

/// Image references as docker normalises them, so that `web:2`, `docker.io/library/web:2` and
/// `index.docker.io/library/web:2` name one image and `web` means `web:latest` (docker's
/// reference.ParseNormalizedNamed and TagNameOnly).
public enum ImageReference {
    /// The familiar form with a tag: `docker.io/library/web` → `web:latest`.
    public static func normalized(_ image: String) -> String {
        var name = image, digest = ""
        if let at = image.firstIndex(of: "@") {
            name = String(image[..<at])
            digest = String(image[at...])
        }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/"]
        where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name)
        if !last.contains(":") && digest.isEmpty && !name.isEmpty { name += ":latest" }
        return name + digest
    }
}

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
