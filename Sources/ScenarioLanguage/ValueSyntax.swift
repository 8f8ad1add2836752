import SimCore

// MARK: - ValueSyntax

/// How values are spelled where the scenario language and docker's flags agree: `key=value`,
/// sizes as go-units reads them (`8GiB`), CPU counts as docker's `NanoCPUs` (`0.5`), decimals,
/// ASCII letters. The language reads `hosts … cpus=4 memory=8GiB` with these; the docker CLI
/// (module DockerClient) reads its flag values with them, so both accept the same spellings and
/// refuse them with the same words.
package enum ValueSyntax {
    /// Why a value was refused: docker's text, and our hint.
    package struct ValueError: Error {
        package var reason: String
        package var hint: String?

        package init(reason: String, hint: String? = nil) {
            self.reason = reason
            self.hint = hint
        }
    }

    package static func splitKeyValue(_ text: String) -> (String, String?) {
        guard let eq = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }

    // MARK: Sizes and CPUs

    /// go-units `RAMInBytes`: a decimal number, an optional space, an optional unit letter
    /// (k, m, g, t, p, any case), an optional `i`, an optional `b`. Every unit is binary
    /// (k = 1024), as docker reads memory. Nil when malformed or too large.
    package static func parseMemoryBytes(_ text: String) -> Int64? {
        var scalars = Substring(text).unicodeScalars[...]
        guard let (whole, fraction) = takeDecimal(&scalars) else { return nil }
        if scalars.first == " " { scalars = scalars.dropFirst() }
        var multiplier: Int128 = 1
        if let u = scalars.first, let power = ["k": 1, "m": 2, "g": 3, "t": 4, "p": 5][Character(u).lowercased()] {
            multiplier = Int128(1) << (10 * power)
            scalars = scalars.dropFirst()
        }
        if let c = scalars.first, c == "i" || c == "I" { scalars = scalars.dropFirst() }
        if let c = scalars.first, c == "b" || c == "B" { scalars = scalars.dropFirst() }
        guard scalars.isEmpty else { return nil }
        return scaled(whole: whole, fraction: fraction, by: multiplier)
    }

    /// `NanoCPUs.Set`: a decimal CPU count, exact to the billionth.
    package static func parseNanoCPUs(_ text: String) -> Result<Int64, ValueError> {
        var scalars = Substring(text).unicodeScalars[...]
        guard let (whole, fraction) = takeDecimal(&scalars), scalars.isEmpty else {
            return .failure(ValueError(reason: "failed to parse \(text.shortenedForMessage) as a rational number"))
        }
        guard fraction.dropFirst(9).allSatisfy({ $0 == "0" }) else { return .failure(ValueError(reason: "value is too precise")) }
        guard let nano = scaled(whole: whole, fraction: fraction, by: 1_000_000_000) else {
            return .failure(ValueError(reason: "failed to parse \(text.shortenedForMessage) as a rational number"))
        }
        return .success(nano)
    }

    /// Reads `digits[.digits]` from the front; nil when there are no leading digits.
    package static func takeDecimal(_ scalars: inout Substring.UnicodeScalarView.SubSequence) -> (String, String)? {
        let whole = scalars.prefix { ("0"..."9").contains($0) }
        guard !whole.isEmpty else { return nil }
        scalars = scalars.dropFirst(whole.count)
        var fraction = Substring.UnicodeScalarView.SubSequence()
        if scalars.first == "." {
            let digits = scalars.dropFirst().prefix { ("0"..."9").contains($0) }
            guard !digits.isEmpty else { return nil }
            fraction = digits
            scalars = scalars.dropFirst(1 + digits.count)
        }
        return (String(String.UnicodeScalarView(whole)), String(String.UnicodeScalarView(fraction)))
    }

    /// `whole.fraction × multiplier`, truncated to an integer; nil past Int64. Multipliers are
    /// at most 2^50, so 19 digits of whole part stay well inside Int128.
    package static func scaled(whole: String, fraction: String, by multiplier: Int128) -> Int64? {
        let digits = whole.drop { $0 == "0" }
        guard digits.count <= 19 else { return nil }
        var value: Int128 = 0
        for d in digits.unicodeScalars { value = value * 10 + Int128(d.value - 48) }
        value *= multiplier
        var numerator: Int128 = 0, denominator: Int128 = 1
        for d in fraction.unicodeScalars.prefix(18) {
            numerator = numerator * 10 + Int128(d.value - 48)
            denominator *= 10
        }
        value += numerator * multiplier / denominator
        return value <= Int128(Int64.max) ? Int64(value) : nil
    }

    package static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
}
