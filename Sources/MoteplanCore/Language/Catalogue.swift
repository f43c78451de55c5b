import TOMLKit

/// The Norwegian texts of one written language: every sentence moteplan writes for people comes
/// from here. The texts live in `Config/language/<code>.toml`, embedded by scripts/embed-example;
/// a new language is one more file there, not a code change.
public struct Catalogue: Sendable, Hashable {
    /// The language code ("nb", "nn"), as `lang` on pages and `[municipality] language`.
    public let code: String
    /// Texts by key path ("date.long").
    let texts: [String: String]
    /// Lists by key path ("date.weekdays").
    let lists: [String: [String]]
    /// The weekdays' and months' names (date.weekdays, date.months), looked up for every date written.
    private let weekdayNames: [String]
    private let monthNames: [String]

    /// Bokmål, the default.
    public static let bokmal: Catalogue = named("nb") ?? Catalogue(code: "nb", texts: [:], lists: [:])

    /// The catalogue for a language code, or nil when moteplan has none.
    public static func named(_ code: String) -> Catalogue? { EmbeddedCatalogues.byCode[code] }

    /// The language codes moteplan has, sorted ("nb", "nn").
    public static let codes: [String] = EmbeddedCatalogues.byCode.keys.sorted()

    init(code: String, texts: [String: String], lists: [String: [String]]) {
        self.code = code
        self.texts = texts
        self.lists = lists
        weekdayNames = lists["date.weekdays"] ?? []
        monthNames = lists["date.months"] ?? []
    }

    /// Parses a catalogue file; nil when it is not valid TOML. (moteplan embeds its catalogues as
    /// Swift tables made by scripts/embed-example; LanguageCatalogueTests checks them with this.)
    init?(code: String, toml: String) {
        guard let root = try? TOMLTable(string: toml) else { return nil }
        var texts: [String: String] = [:]
        var lists: [String: [String]] = [:]
        func walk(_ table: TOMLTable, _ prefix: String) {
            for (key, value) in table {
                let path = prefix.isEmpty ? key : prefix + "." + key
                if let sub = value.table {
                    walk(sub, path)
                } else if let text = value.string {
                    texts[path] = text
                } else if let array = value.array {
                    lists[path] = array.compactMap(\.string)
                }
            }
        }
        walk(root, "")
        self.init(code: code, texts: texts, lists: lists)
    }

    public static func == (lhs: Catalogue, rhs: Catalogue) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Every text key, for tests that compare catalogues.
    public var keys: Set<String> { Set(texts.keys) }
    /// Every list key.
    public var listKeys: Set<String> { Set(lists.keys) }

    /// The text of `phrase` with its `{placeholders}` filled in. A key the catalogue lacks gives
    /// the key itself (a test checks that every key used in Sources is in every catalogue).
    public func callAsFunction(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        let text = texts[phrase.key] ?? phrase.key
        guard !values.isEmpty else { return text }
        // Over the UTF-8 bytes ('{' and '}' are ASCII, so their indices are character boundaries):
        // every event's description fills several phrases, so this is on the feeds' hot path.
        let bytes = text.utf8
        guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(bytes.count + 16)
        var start = bytes.startIndex
        while true {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            result += text[start..<open]
            if let value = values[String(text[bytes.index(after: open)..<close])] {
                result += value
            } else {
                result += text[open...close]
            }
            start = bytes.index(after: close)
            guard let next = bytes[start...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        result += text[start...]
        return result
    }

    /// A list by key path (empty when missing).
    public func list(_ key: String) -> [String] { lists[key] ?? [] }

    /// The name of a weekday, lower case ("onsdag"; nynorsk "tysdag").
    public func weekday(_ day: Weekday) -> String {
        weekdayNames.count == 7 ? weekdayNames[day.rawValue - 1] : day.english
    }

    /// The name of month 1–12, lower case.
    public func month(_ month: Int) -> String {
        monthNames.count == 12 ? monthNames[(month - 1) % 12] : String(month)
    }

    /// "6. mai 2027".
    public func long(_ date: LocalDate) -> String {
        self(.dateLong, ["day": String(date.day), "month": month(date.month), "year": String(date.year)])
    }

    /// "torsdag 6. mai 2027".
    public func withWeekday(_ date: LocalDate) -> String {
        self(.dateWithWeekday, [
            "weekday": weekday(date.weekday), "day": String(date.day), "month": month(date.month),
            "year": String(date.year),
        ])
    }

    /// "1 dag", "4 dager" (nynorsk "4 dagar").
    public func days(_ count: Int) -> String {
        NorwegianCount.of(count, one: self(.dayOne), many: self(.dayMany))
    }

    /// "A", "A og B", "A, B og C"; "" for none.
    public func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " " + self(.and) + " " + last
    }
}

/// A key into the catalogue. Each part of moteplan declares its phrases beside its code
/// (`extension Phrase { static let … }`).
public struct Phrase: Sendable, Hashable {
    /// The key path in the catalogue file ("date.long").
    public let key: String

    /// A phrase by its key path.
    public init(_ key: String) { self.key = key }
}

extension Phrase {
    static let dateLong = Phrase("date.long")
    static let dateWithWeekday = Phrase("date.with_weekday")
    static let dayOne = Phrase("count.day_one")
    static let dayMany = Phrase("count.day_many")
    static let and = Phrase("count.and")
}
