/// Counts with number agreement (the words come from the catalogue) and titles inside a sentence.
public enum NorwegianCount {
    /// `count` with the singular noun for exactly one (and minus one), the plural otherwise.
    public static func of(_ count: Int, one: String, many: String) -> String {
        "\(count) \(abs(count) == 1 ? one : many)"
    }

    /// A title as it reads inside a sentence: "Politikontakt" → "politikontakt"; acronyms stay
    /// ("SLT-koordinator").
    public static func midSentence(_ title: String) -> String {
        let letters = Array(title)
        guard letters.count > 1, letters[0].isUppercase, !letters[1].isUppercase else { return title }
        return letters[0].lowercased() + String(letters.dropFirst())
    }
}
