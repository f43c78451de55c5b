/// One problem found in a config file, located as precisely as the source allows.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable {
        /// The config cannot be used.
        case error
        /// The config works, but something looks unintended.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The config file's path as the user gave it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The key path, e.g. `structures[2].cadence.weekday`, when the problem has one.
    public var keyPath: String?
    /// What is wrong and what to do.
    public var message: String

    /// Creates a diagnostic.
    public init(
        severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
        keyPath: String? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// The same finding at another severity (`check --strict` makes conflicts errors).
    public func with(severity: Severity) -> ConfigDiagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }

    /// `file:line:col: error: key.path: message`, the form compilers and editors understand.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        let path = keyPath.map { "\($0): " } ?? ""
        return "\(place): \(severity.rawValue): \(path)\(message)"
    }
}

/// A config that cannot be used: every error found, each located.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The errors (and any warnings found on the way), in file order.
    public var diagnostics: [ConfigDiagnostic]

    /// Creates a config error.
    public init(diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
