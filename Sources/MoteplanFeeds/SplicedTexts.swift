/// The texts of a run: those it appends, kept in `base` (a `TextSpool`), and those it takes as
/// they are from feed files an earlier run wrote (`PublishedFeedFile`), by byte range. Ids are
/// its own, in the order of appending either; consecutive ids whose bytes are consecutive in
/// `base` or in one file are handed out as one run.
final class SplicedTexts: EventTextStore, @unchecked Sendable {
    private enum Entry {
        case appended(Int)
        case published(file: Int, range: Range<Int>)
    }

    // Changed only while appending, by one thread (the protocol's contract).
    private let base: any EventTextStore
    private var entries: [Entry] = []
    private var files: [PublishedFeedFile] = []

    /// Texts kept in `base`, and ranges of files to be added.
    init(base: any EventTextStore) {
        self.base = base
    }

    func append(_ text: String) throws(FeedError) -> Int {
        entries.append(.appended(try base.append(text)))
        return entries.count - 1
    }

    /// Adds a file whose ranges texts can be; returns its number.
    func add(_ file: PublishedFeedFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    /// Keeps bytes `range` of file `file` (from `add`) as a text; returns its id.
    func append(file: Int, range: Range<Int>) -> Int {
        entries.append(.published(file: file, range: range))
        return entries.count - 1
    }

    func finish() throws(FeedError) { try base.finish() }

    func count(_ id: Int) -> Int {
        switch entries[id] {
        case .appended(let inBase): return base.count(inBase)
        case .published(_, let range): return range.count
        }
    }

    func withBytes(_ first: Int, through last: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var k = first
        while k <= last {
            switch entries[k] {
            case .appended(let start):
                var end = start
                while k < last, case .appended(let next) = entries[k + 1], next == end + 1 {
                    end = next
                    k += 1
                }
                guard base.withBytes(start, through: end, body) else { return false }
            case .published(let file, let range):
                var upper = range.upperBound
                while k < last, case .published(file, let next) = entries[k + 1], next.lowerBound == upper {
                    upper = next.upperBound
                    k += 1
                }
                guard files[file].withBytes(range.lowerBound..<upper, body) else { return false }
            }
            k += 1
        }
        return true
    }
}
