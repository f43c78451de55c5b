/// Collects located diagnostics while a config is read, so one run reports every problem.
final class Diagnostics {
    let file: String
    private let locator: SourceLocator
    private(set) var items: [ConfigDiagnostic] = []

    init(file: String, locator: SourceLocator) {
        self.file = file
        self.locator = locator
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    func error(_ path: ConfigPath, _ message: String) {
        add(.error, path, message)
    }

    func warning(_ path: ConfigPath, _ message: String) {
        add(.warning, path, message)
    }

    private func add(_ severity: ConfigDiagnostic.Severity, _ path: ConfigPath, _ message: String) {
        // A key missing from the root table has no place of its own: point at the top of the file.
        let position = locator.position(of: path) ?? SourceLocator.Position(line: 1, column: 1)
        items.append(
            ConfigDiagnostic(
                severity: severity, file: file, line: position.line, column: position.column,
                keyPath: path.components.isEmpty ? nil : path.description, message: message))
    }

    /// Diagnostics sorted by place, then by insertion, for stable output.
    var sorted: [ConfigDiagnostic] {
        items.enumerated().sorted { a, b in
            let la = a.element.line ?? 0
            let lb = b.element.line ?? 0
            if la != lb { return la < lb }
            let ca = a.element.column ?? 0
            let cb = b.element.column ?? 0
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
