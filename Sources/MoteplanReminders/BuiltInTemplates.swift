/// The reminder templates moteplan ships (Config/templates/<language>/, embedded as
/// `DefaultTemplates`), as `moteplan init --templates` writes them and as the fallback for a kind
/// a config's folder lacks.
public enum BuiltInTemplates {
    /// The language codes with built-in templates, sorted ("nb", "nn").
    public static var languages: [String] { DefaultTemplates.byLanguage.keys.sorted() }

    /// The file name and text of every kind's template in `language`, in kind order, as the file
    /// in Config/templates/<language>/ has it (ending in a newline); empty for a language without
    /// built-in templates.
    public static func files(language: String) -> [(name: String, text: String)] {
        guard let texts = DefaultTemplates.byLanguage[language] else { return [] }
        return Reminder.Kind.allCases.compactMap { kind in
            texts[kind.rawValue].map { (kind.rawValue + ".mustache", $0 + "\n") }
        }
    }

    /// The built-in template of `kind` in `language` (bokmål when moteplan has none in it).
    static func text(_ kind: Reminder.Kind, language: String) -> String {
        DefaultTemplates.byLanguage[language]?[kind.rawValue] ?? DefaultTemplates.byLanguage["nb"]?[kind.rawValue] ?? ""
    }
}
