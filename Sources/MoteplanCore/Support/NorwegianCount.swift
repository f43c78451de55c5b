/// Counts and lists written the Norwegian (bokmål) way: "1 dag", "4 dager"; "A, B og C".
public enum NorwegianCount {
    /// "1 dag", "0 dager", "4 dager" (bokmål).
    @available(*, deprecated, message: "use the config's catalogue: catalogue.days(n)")
    public static func days(_ count: Int) -> String {
        of(count, one: "dag", many: "dager")
    }

    /// `count` with the singular noun for exactly one (and minus one), the plural otherwise.
    public static func of(_ count: Int, one: String, many: String) -> String {
        "\(count) \(abs(count) == 1 ? one : many)"
    }

    /// "A", "A og B", "A, B og C"; "" for none (bokmål).
    @available(*, deprecated, message: "use the config's catalogue: catalogue.list(items)")
    public static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " og " + last
    }

    /// A title as it reads inside a sentence: "Politikontakt" → "politikontakt"; acronyms stay
    /// ("SLT-koordinator").
    public static func midSentence(_ title: String) -> String {
        let letters = Array(title)
        guard letters.count > 1, letters[0].isUppercase, !letters[1].isUppercase else { return title }
        return letters[0].lowercased() + String(letters.dropFirst())
    }
}
