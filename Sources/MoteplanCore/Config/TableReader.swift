import TOMLKit

/// Typed, located access to one TOML table; reports wrong types, missing and unknown keys.
struct TableReader {
    let table: TOMLTable
    let path: ConfigPath
    let diagnostics: Diagnostics

    /// Reports every key not in `known`, with the closest known key.
    func rejectUnknownKeys(_ known: [String]) {
        for key in table.keys where !known.contains(key) {
            diagnostics.error(
                path.appending(key),
                "unknown key \"\(key)\"." + Suggestion.hint(for: key, in: known))
        }
    }

    func has(_ key: String) -> Bool { table.contains(key: key) }

    func value(_ key: String) -> TOMLValueConvertible? { table[key] }

    func missing(_ key: String, _ what: String) {
        diagnostics.error(path.appending(key), "missing key \"\(key)\": \(what).")
    }

    func wrongType(_ at: ConfigPath, expected: String, found: TOMLValueConvertible) {
        diagnostics.error(at, "expected \(expected), found \(found.type.description).")
    }

    /// A string, or nil (reporting a wrong type; reporting absence only when `required`).
    func string(_ key: String, required what: String? = nil) -> String? {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        guard let text = raw.string else {
            wrongType(path.appending(key), expected: "a string", found: raw)
            return nil
        }
        return plain(text, at: path.appending(key))
    }

    /// `text` when it holds no control character (they would reach mails, feeds and pages);
    /// otherwise reported at `at` and nil.
    func plain(_ text: String, at: ConfigPath) -> String? {
        guard let problem = FreeText.problem(text, field: "the text") else { return text }
        diagnostics.error(at, problem)
        return nil
    }

    /// A non-empty string after trimming; reports an empty one.
    func text(_ key: String, required what: String? = nil) -> String? {
        guard let raw = string(key, required: what) else { return nil }
        let trimmed = raw.trimmingSpaces
        if trimmed.isEmpty {
            diagnostics.error(path.appending(key), "must not be empty.")
            return nil
        }
        return trimmed
    }

    func int(_ key: String, required what: String? = nil) -> Int? {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        guard raw.type == .int, let number = raw.int else {
            wrongType(path.appending(key), expected: "a whole number", found: raw)
            return nil
        }
        return number
    }

    /// The whole number at `key`, or `fallback` when it is absent (or not a number, which is
    /// reported); one outside `range` is reported at the key ("… is out of range; use 1 to 26
    /// weeks.") and returned with `valid` false, so callers decide whether to keep it.
    func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>, unit: String? = nil) -> (value: Int, valid: Bool) {
        let number = int(key) ?? fallback
        guard range.contains(number) else {
            diagnostics.error(
                path.appending(key),
                "\(number) is out of range; use \(range.lowerBound) to \(range.upperBound)\(unit.map { " \($0)" } ?? "").")
            return (number, false)
        }
        return (number, true)
    }

    func bool(_ key: String) -> Bool? {
        guard let raw = value(key) else { return nil }
        guard raw.type == .bool, let flag = raw.bool else {
            wrongType(path.appending(key), expected: "true or false", found: raw)
            return nil
        }
        return flag
    }

    func date(_ key: String, required what: String? = nil) -> LocalDate? {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        return TableReader.date(raw, at: path.appending(key), diagnostics)
    }

    func time(_ key: String, required what: String? = nil) -> LocalTime? {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        return TableReader.time(raw, at: path.appending(key), diagnostics)
    }

    /// A time of day written as "HH:MM" (or a TOML local time without seconds).
    static func time(_ raw: TOMLValueConvertible, at: ConfigPath, _ diagnostics: Diagnostics) -> LocalTime? {
        if raw.type == .time, let t = raw.time {
            guard let time = LocalTime(hour: t.hour, minute: t.minute), t.second == 0 else {
                diagnostics.error(at, "not a time of day; write \"HH:MM\", e.g. \"14:00\".")
                return nil
            }
            return time
        }
        guard let text = raw.string else {
            diagnostics.error(at, "expected a time such as \"14:00\", found \(raw.type.description).")
            return nil
        }
        guard let time = LocalTime(text: text) else {
            diagnostics.error(at, "\"\(text)\" is not a time of day (00:00–23:59); write \"HH:MM\", e.g. \"14:00\".")
            return nil
        }
        return time
    }

    /// An array's elements with their paths; a single value counts as a one-element array when `allowSingle`.
    func array(_ key: String, required what: String? = nil, allowSingle: Bool = false)
        -> [(TOMLValueConvertible, ConfigPath)]?
    {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        let at = path.appending(key)
        if let array = raw.array {
            return array.enumerated().map { ($0.element, at.appending(index: $0.offset)) }
        }
        if allowSingle && raw.type != .table { return [(raw, at)] }
        wrongType(at, expected: "an array [ … ]", found: raw)
        return nil
    }

    /// Strings from an array (or a single string when `allowSingle`).
    func strings(_ key: String, required what: String? = nil, allowSingle: Bool = false) -> [(String, ConfigPath)]? {
        guard let items = array(key, required: what, allowSingle: allowSingle) else { return nil }
        var result: [(String, ConfigPath)] = []
        for (item, at) in items {
            guard let text = item.string else {
                wrongType(at, expected: "a string", found: item)
                continue
            }
            guard let clean = plain(text, at: at) else { continue }
            result.append((clean, at))
        }
        return result
    }

    func table(_ key: String, required what: String? = nil) -> TableReader? {
        guard let raw = value(key) else {
            if let what { missing(key, what) }
            return nil
        }
        guard let sub = raw.table else {
            wrongType(path.appending(key), expected: "a table", found: raw)
            return nil
        }
        return TableReader(table: sub, path: path.appending(key), diagnostics: diagnostics)
    }

    /// An array of tables (`[[key]]` or `key = [{…}, …]`).
    func tables(_ key: String) -> [TableReader] {
        guard let items = array(key) else { return [] }
        var result: [TableReader] = []
        for (item, at) in items {
            guard let sub = item.table else {
                wrongType(at, expected: "a table { … }", found: item)
                continue
            }
            result.append(TableReader(table: sub, path: at, diagnostics: diagnostics))
        }
        return result
    }

    /// A date from a TOML date or a "YYYY-MM-DD" string.
    static func date(_ raw: TOMLValueConvertible, at: ConfigPath, _ diagnostics: Diagnostics) -> LocalDate? {
        var parsed: LocalDate?
        if raw.type == .date, let d = raw.date {
            guard let date = LocalDate(year: d.year, month: d.month, day: d.day) else {
                diagnostics.error(at, "not a valid date.")
                return nil
            }
            parsed = date
        } else if let text = raw.string {
            guard let date = LocalDate(iso: text) else {
                diagnostics.error(at, "\"\(text)\" is not a date; write YYYY-MM-DD, e.g. 2026-09-08.")
                return nil
            }
            parsed = date
        }
        if let date = parsed {
            guard LocalDate.planningYears.contains(date.year) else {
                diagnostics.error(at, "\(date) is outside the years moteplan plans (\(LocalDate.planningYears.lowerBound)–\(LocalDate.planningYears.upperBound)); check the year.")
                return nil
            }
            return date
        }
        diagnostics.error(at, "expected a date such as 2026-09-08, found \(raw.type.description).")
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
