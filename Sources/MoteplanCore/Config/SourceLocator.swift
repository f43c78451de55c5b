/// Finds where a key path is written in TOML source text.
///
/// TOMLKit reports positions only for syntax errors; a rådgiver needs the line for
/// errors of meaning too. This scanner walks the already-valid document's structure
/// (headers, keys, inline tables, arrays) without interpreting values, and records
/// the line and column at which each path starts.
struct SourceLocator: Sendable {
    /// A 1-based line and column.
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    private var positions: [String: Position] = [:]
    /// Places toml++ 3.4 (inside TOMLKit 0.6) aborts the process on instead of reporting them:
    /// table headers whose name does not start with a key character (`[æ]`, `[[[a]]`, a lone `[`;
    /// fixed upstream in tomlplusplus PR #301) and an array element starting with `}`
    /// (`x = [ } ]`). The loader rejects them first.
    private(set) var parserTraps: [Position] = []
    /// Keys or table headers with more than `maxKeyParts` dotted parts. Paths that long make the
    /// scanner and toml++ quadratic (40,000 parts took over a minute) and no config needs them,
    /// so the loader refuses them before either reads further.
    private(set) var overlongKeys: [Position] = []
    /// The most dotted parts a key or table header may have.
    static let maxKeyParts = 16

    /// Scans `text`; anything it cannot follow is simply not recorded.
    init(text: String) {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        scanner.run()
        positions = scanner.positions
        parserTraps = scanner.parserTraps
        overlongKeys = scanner.overlongKeys
    }

    /// The position of `path`, or of its nearest ancestor that is written down.
    func position(of path: ConfigPath) -> Position? {
        var current: ConfigPath? = path
        while let p = current {
            if let found = positions[p.description] { return found }
            current = p.parent
        }
        return nil
    }
}

private struct Scanner {
    let scalars: [Unicode.Scalar]
    var i = 0
    var line = 1
    var column = 1
    var positions: [String: SourceLocator.Position] = [:]
    var tablePath = ConfigPath()
    var arrayOfTablesCount: [String: Int] = [:]
    var parserTraps: [SourceLocator.Position] = []
    var overlongKeys: [SourceLocator.Position] = []
    /// Nesting depth of values; past `maxDepth` the scanner stops (toml++ itself refuses more
    /// than 256 nested values, so it never reads on to anything the scanner skipped).
    var depth = 0
    var gaveUp = false
    static let maxDepth = 300

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }

    mutating func advance() {
        guard let s = current else { return }
        i += 1
        if s == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    mutating func record(_ path: ConfigPath, at position: SourceLocator.Position) {
        let key = path.description
        if positions[key] == nil { positions[key] = position }
    }

    var here: SourceLocator.Position { SourceLocator.Position(line: line, column: column) }

    mutating func skipSpaces() {
        while let s = current, s == " " || s == "\t" { advance() }
    }

    /// Skips white space, newlines and comments.
    mutating func skipTrivia() {
        while let s = current {
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                advance()
            } else if s == "#" {
                while let c = current, c != "\n" { advance() }
            } else {
                return
            }
        }
    }

    mutating func run() {
        while !gaveUp {
            skipTrivia()
            guard let s = current else { return }
            let before = i
            if s == "[" {
                header()
            } else {
                keyValue(in: tablePath)
            }
            if i == before { advance() }  // never loop on something unexpected
        }
    }

    mutating func header() {
        let start = here
        advance()
        let isArray = current == "["
        if isArray { advance() }
        skipSpaces()
        if let first = current, !ConfigPath.isBareKeyScalar(first), first != "\"", first != "'" {
            parserTraps.append(here)
        }
        let keys = dottedKey()
        while let c = current, c != "\n" { advance() }
        var path = ConfigPath()
        for (n, key) in keys.enumerated() {
            path = path.appending(key)
            // The last key of an array-of-tables header names the array itself.
            if isArray && n == keys.count - 1 { break }
            if let count = arrayOfTablesCount[path.description] { path = path.appending(index: count - 1) }
        }
        if isArray {
            let count = (arrayOfTablesCount[path.description] ?? 0) + 1
            arrayOfTablesCount[path.description] = count
            record(path, at: start)
            path = path.appending(index: count - 1)
        }
        record(path, at: start)
        tablePath = path
    }

    mutating func keyValue(in base: ConfigPath) {
        let start = here
        let keys = dottedKey()
        guard !keys.isEmpty else { return }
        var path = base
        for key in keys { path = path.appending(key) }
        record(path, at: start)
        skipSpaces()
        guard current == "=" else { return }
        advance()
        skipSpaces()
        value(at: path)
    }

    mutating func dottedKey() -> [String] {
        var keys: [String] = []
        let start = here
        while true {
            skipSpaces()
            guard let s = current else { return keys }
            if s == "\"" || s == "'" {
                keys.append(quoted(s))
            } else if ConfigPath.isBareKeyScalar(s) {
                var key = ""
                while let c = current, ConfigPath.isBareKeyScalar(c) {
                    key.unicodeScalars.append(c)
                    advance()
                }
                keys.append(key)
            } else {
                return keys
            }
            if keys.count > SourceLocator.maxKeyParts {
                overlongKeys.append(start)
                gaveUp = true
                return []
            }
            skipSpaces()
            guard current == "." else { return keys }
            advance()
        }
    }

    mutating func quoted(_ quote: Unicode.Scalar) -> String {
        advance()
        var text = ""
        while let c = current, c != quote, c != "\n" {
            if quote == "\"" && c == "\\" {
                advance()
            }
            if let d = current { text.unicodeScalars.append(d) }
            advance()
        }
        advance()
        return text
    }

    mutating func value(at path: ConfigPath) {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { gaveUp = true }
        guard !gaveUp, let s = current else { return }
        switch s {
        case "\"", "'":
            if peek(1) == s && peek(2) == s {
                advance(); advance(); advance()
                while current != nil && !(current == s && peek(1) == s && peek(2) == s) {
                    if s == "\"" && current == "\\" { advance() }
                    advance()
                }
                advance(); advance(); advance()
                while current == s { advance() }  // up to two quotes may close the content
            } else {
                _ = quoted(s)
            }
        case "{":
            advance()
            while !gaveUp {
                skipSpaces()
                guard let c = current, c != "}", c != "\n" else { break }
                let before = i
                keyValue(in: path)
                skipSpaces()
                if current == "," { advance() }
                if i == before { advance() }
            }
            if current == "}" { advance() }
        case "[":
            advance()
            var index = 0
            while !gaveUp {
                skipTrivia()
                guard let c = current, c != "]" else { break }
                let before = i
                if c == "," {
                    index += 1
                    advance()
                    continue
                }
                if c == "}" {
                    parserTraps.append(here)
                    gaveUp = true
                    break
                }
                record(path.appending(index: index), at: here)
                value(at: path.appending(index: index))
                if i == before { advance() }
            }
            if current == "]" { advance() }
        default:
            while let c = current, c != ",", c != "]", c != "}", c != "\n", c != "#" { advance() }
        }
    }
}
