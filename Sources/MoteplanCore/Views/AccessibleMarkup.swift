import Foundation

/// What every page moteplan writes shares for WCAG 2.1 AA: a visible keyboard focus (2.4.7),
/// pictures that shrink with the window (1.4.10) and data tables that scroll inside their own
/// keyboard-reachable region instead of making the page scroll sideways at 320 px (1.4.10).
public enum AccessibleMarkup {
    /// CSS to add to a page's `<style>`: focus outline, scalable pictures, table regions, long
    /// words broken rather than sticking out.
    public static let style = """
        :focus-visible, input:focus-within { outline: 3px solid #1b6ca8; outline-offset: 2px; }
        img, svg { max-width: 100%; height: auto; }
        body { overflow-wrap: break-word; }
        .tabell { overflow-x: auto; max-width: 100%; margin: .4em 0 1em; }
        .tabell > table { margin: 0; }
        @media print { .tabell { overflow: visible; } }
        """

    /// `html` with every `<table>` wrapped in `<div class="tabell" role="region" aria-label="…"
    /// tabindex="0">`, labelled by the table's `<caption>` or else the nearest heading before it.
    public static func scrollableTables(_ html: String, catalogue: Catalogue) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<table"), let close = rest[open.lowerBound...].range(of: "</table>") {
            let before = rest[..<open.lowerBound]
            result += before
            let table = rest[open.lowerBound..<close.upperBound]
            let label = caption(in: table) ?? lastHeading(in: result) ?? catalogue(.table)
            result += "<div class=\"tabell\" role=\"region\" aria-label=\"\(label)\" tabindex=\"0\">" + table + "</div>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The text of the table's `<caption>`, tags removed (already escaped markup).
    static func caption(in table: Substring) -> String? {
        guard let start = table.range(of: "<caption"), let gt = table[start.upperBound...].firstIndex(of: ">"),
              let end = table.range(of: "</caption>") else { return nil }
        return plain(table[table.index(after: gt)..<end.lowerBound])
    }

    /// The text of the last `<h1>`–`<h3>` in `html`.
    static func lastHeading(in html: String) -> String? {
        var best: (start: String.Index, text: String)? = nil
        for level in ["h1", "h2", "h3"] {
            guard let end = html.range(of: "</\(level)>", options: .backwards),
                  let start = html[..<end.lowerBound].range(of: "<\(level)", options: .backwards),
                  let gt = html[start.upperBound..<end.lowerBound].firstIndex(of: ">") else { continue }
            if let found = best, found.start > start.lowerBound { continue }
            best = (start.lowerBound, plain(html[html.index(after: gt)..<end.lowerBound]))
        }
        return best?.text
    }

    /// Markup without its tags and quotes, for an attribute value.
    static func plain(_ markup: Substring) -> String {
        var text = ""
        var inTag = false
        for character in markup {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return words.joined(separator: " ").replacing("\"", with: "&quot;")
    }
}

extension Phrase {
    /// "Tabell": a table region's name when it has no caption or heading.
    static let table = Phrase("word.table")
}
