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
