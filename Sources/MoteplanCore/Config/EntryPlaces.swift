/// Where each read entry stands in the file, and the ids of entries that could not be read, so
/// the cross-reference checks run in the same pass as the entry checks: an entry dropped for a
/// bad value shifts no other entry's key path, and a reference to it is not reported as unknown.
struct EntryPlaces {
    /// For each array of tables ("roles", "units", …): the file index of each entry that was read.
    private var indexes: [String: [Int]] = [:]
    /// Per section, the `id` written in entries that could not be read.
    private var unread: [String: Set<String>] = [:]

    /// The file index of the `offset`th entry read from `section` (the offset itself when unknown).
    func index(_ section: String, _ offset: Int) -> Int {
        guard let list = indexes[section], offset < list.count else { return offset }
        return list[offset]
    }

    /// The ids written in `sections`' entries that could not be read.
    func unreadIDs(_ sections: String...) -> Set<String> {
        sections.reduce(into: Set<String>()) { $0.formUnion(unread[$1] ?? []) }
    }

    /// Reads every entry of `tables` (the array `section`), remembering where each came from.
    mutating func read<T>(_ section: String, _ tables: [TableReader], _ reader: (TableReader) -> T?) -> [T] {
        var entries: [T] = []
        var places: [Int] = []
        for (offset, table) in tables.enumerated() {
            if let entry = reader(table) {
                entries.append(entry)
                places.append(Self.lastIndex(of: table.path) ?? offset)
            } else if let id = table.value("id")?.string {
                unread[section, default: []].insert(id)
            }
        }
        indexes[section] = places
        return entries
    }

    private static func lastIndex(of path: ConfigPath) -> Int? {
        guard case .index(let index) = path.components.last else { return nil }
        return index
    }
}
