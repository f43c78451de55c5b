import MoteplanCore

/// What `POST /referat` answers: an English line for the JSON API (its `status`/`error` value,
/// unchanged for scripts) and the Norwegian sentence shown on the page a form post gets back.
struct ReferatReply: Error, Sendable {
    /// The English message of the JSON body.
    let english: String
    /// The Norwegian message of the HTML page.
    let norwegian: String

    init(_ english: String, _ norwegian: String) {
        self.english = english
        self.norwegian = norwegian
    }

    /// "i tide (fristen var 24. september 2026)" or "for sent (fristen var …)".
    static func timing(_ day: LocalDate, due: LocalDate) -> (english: String, norwegian: String) {
        day <= due
            ? ("on time (due \(due))", "i tide (fristen var \(NorwegianDate.long(due)))")
            : ("late (due \(due))", "etter fristen (fristen var \(NorwegianDate.long(due)))")
    }

    /// "Tverrfaglig nettverk – Melhus vest, onsdag 16. september 2026".
    static func meeting(_ meeting: Meeting) -> String {
        "\(meeting.title), \(NorwegianDate.withWeekday(meeting.date))"
    }

    /// A reference or "levert av" that cannot be stored, in Norwegian.
    static let badReference = "Referansen må være én linje med høyst 200 tegn: en arkiv-id eller en lenke, aldri selve referatet."
    static let badDeliveredBy = "«Levert av» må være et navn på én linje med høyst 100 tegn."
}
