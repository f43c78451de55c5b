/// The start of every HTML page moteplan writes, up to and including `</head>`: the language,
/// UTF-8, a viewport that scales to the device (WCAG 1.4.10), the title, and a `<style>` that
/// holds `AccessibleMarkup.style` first and then the page's own rules. One builder, so that no
/// page can leave out the shared style (the sakliste once did, and was wider than a phone).
public enum PageHead {
    /// A `<meta name="…" content="…">` a page adds, such as `referrer` or `robots`.
    public struct Meta: Sendable {
        public let name: String
        public let content: String

        public init(_ name: String, _ content: String) {
            self.name = name
            self.content = content
        }

        /// Private pages: the browser sends no Referer with their links.
        public static let noReferrer = Meta("referrer", "no-referrer")
        /// Private pages: search engines keep them out of their index.
        public static let noIndex = Meta("robots", "noindex")
    }

    /// The doctype, `<html lang>` and the whole head. `title` is plain text (it is escaped here);
    /// `style` is the page's own CSS, after the shared rules so that it can refine them. The
    /// `<head>` tag stands alone: the browser checks insert a `<base>` right after it.
    public static func render(language: String, title: String, meta: [Meta] = [], style: String = "") -> String {
        var head = "<!DOCTYPE html>\n<html lang=\"\(Markup.escape(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        for item in meta {
            head += "<meta name=\"\(Markup.escape(item.name))\" content=\"\(Markup.escape(item.content))\">\n"
        }
        head += "<title>\(Markup.escape(title))</title>\n<style>\n\(AccessibleMarkup.style)\n"
        if !style.isEmpty { head += style + "\n" }
        return head + "</style>\n</head>\n"
    }
}
