import Foundation
import TOMLKit

/// A config that was read successfully, with the warnings found on the way.
public struct LoadedConfig: Sendable {
    /// The typed plan.
    public var configuration: Configuration
    /// Warnings: the config works, but something looks unintended.
    public var warnings: [ConfigDiagnostic]
    /// The path the config was read from.
    public var file: String
    /// The config's text, to locate later findings (such as schedule warnings) in it.
    public var source: String
    /// Where each key path is written in `source` (scanned once per load).
    let locator: SourceLocator

    /// A diagnostic about `path` in this config, located at its line and column.
    public func diagnostic(_ severity: ConfigDiagnostic.Severity, at path: ConfigPath, _ message: String) -> ConfigDiagnostic {
        let position = locator.position(of: path)
        return ConfigDiagnostic(
            severity: severity, file: file, line: position?.line, column: position?.column,
            keyPath: path.components.isEmpty ? nil : path.description, message: message)
    }
}

/// Whether a time zone id can be used, as the iCalendar layer sees it.
public enum TimeZoneStatus: Sendable, Equatable {
    /// The zone exists.
    case known
    /// No such zone.
    case unknown
    /// The system has no time zone data at all (tzdata is missing).
    case noTimeZoneData
}

/// The one place a config file is read: TOML text → typed, validated `Configuration`.
public enum ConfigLoader {
    /// The config format versions this build understands.
    public static let supportedVersions = [1]

    /// Reads and validates the config at `path`; throws `ConfigError` (exit 2) on any problem.
    public static func load(
        path: String, zoneStatus: @escaping @Sendable (String) -> TimeZoneStatus = ConfigLoader.foundationZoneStatus
    ) throws -> LoadedConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "it cannot be read"
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(severity: .error, file: path, message: "cannot read the config: \(why).")
            ])
        }
        return try parse(bytes: [UInt8](data), file: path, zoneStatus: zoneStatus)
    }

    /// Validates config bytes as if read from `file`.
    public static func parse(
        bytes: [UInt8], file: String,
        zoneStatus: @escaping @Sendable (String) -> TimeZoneStatus = ConfigLoader.foundationZoneStatus
    ) throws -> LoadedConfig {
        if let bad = firstInvalidUTF8(bytes) {
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(
                    severity: .error, file: file, line: bad.line, column: bad.column,
                    message: "the file is not valid UTF-8; save it as UTF-8 text.")
            ])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let before = text.unicodeScalars[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(severity: .error, file: file, line: line, column: column,
                                 message: "the file contains a NUL byte; it is not a text file.")
            ])
        }
        if let nul = nulEscape(in: text) {
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(severity: .error, file: file, line: nul.line, column: nul.column,
                                 message: "the escape \\u0000 writes a NUL character, which TOML's parser cuts the text at; remove it.")
            ])
        }
        let locator = SourceLocator(text: text)
        if let long = locator.overlongKeys.first {
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(
                    severity: .error, file: file, line: long.line, column: long.column,
                    message: "a key or table header with more than \(SourceLocator.maxKeyParts) dotted parts; no config needs that many, shorten it.")
            ])
        }
        if let bad = locator.parserTraps.first {
            let inArray = text.split(separator: "\n", omittingEmptySubsequences: false)
                .dropFirst(bad.line - 1).first.map { Array($0.unicodeScalars).dropFirst(bad.column - 1).first == "}" } ?? false
            let message = inArray
                ? "unexpected '}' in an array; close the array with ']' or remove the brace."
                : "invalid table header: a table name must start with a letter, digit, '_', '-' or a quote, e.g. [[structures]]."
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(severity: .error, file: file, line: bad.line, column: bad.column, message: message)
            ])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(
                    severity: .error, file: file, line: error.source.begin.line,
                    column: error.source.begin.column, message: error.description)
            ])
        } catch {
            throw ConfigError(diagnostics: [
                ConfigDiagnostic(severity: .error, file: file, message: "cannot parse the config: \(error)")
            ])
        }
        let diagnostics = Diagnostics(file: file, locator: locator)
        let reader = TableReader(table: root, path: ConfigPath(), diagnostics: diagnostics)
        let configuration = ConfigReader(diagnostics: diagnostics, zoneStatus: zoneStatus).read(reader)
        guard let configuration, !diagnostics.hasErrors else {
            throw ConfigError(diagnostics: diagnostics.sorted)
        }
        return LoadedConfig(configuration: configuration, warnings: diagnostics.sorted, file: file, source: text, locator: locator)
    }

    /// The place of a `\u0000` (or `\U00000000`) escape: toml++ ends the string there and the
    /// rest would vanish without a word, so it is refused before parsing.
    static func nulEscape(in text: String) -> (line: Int, column: Int)? {
        // One pass over the UTF-8 bytes (this runs on every config load): a backslash that is not
        // itself escaped, followed by u0000 or U00000000. Columns count characters (Unicode scalars).
        let short = Array("u0000".utf8)
        let long = Array("U00000000".utf8)
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            var line = 1
            var lineStart = 0
            var escaped = false  // the byte before was an unescaped backslash
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = i + 1
                    escaped = false
                } else if escaped {
                    escaped = false
                    let rest = bytes[(i)...]
                    if rest.starts(with: short) || rest.starts(with: long) {
                        // The column of the backslash, in characters.
                        let before = bytes[lineStart..<(i - 1)].reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
                        return (line, before + 1)
                    }
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                }
                i += 1
            }
            return nil
        }
    }

    /// Zone check through Foundation, for callers without the iCalendar layer.
    public static let foundationZoneStatus: @Sendable (String) -> TimeZoneStatus = { id in
        TimeZone(identifier: id) == nil ? .unknown : .known
    }

    /// The 1-based line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
