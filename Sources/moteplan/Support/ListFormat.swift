import ArgumentParser

/// `--format` for the listing commands (leaders, referat status, obligations).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
