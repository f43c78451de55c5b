/// "Did you mean …?": the closest candidate by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lower), Array(candidate.lowercased()))
            if best == nil || distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, candidate.count / 3)
        return distance <= limit ? candidate : nil
    }

    /// ` Did you mean "x"?` or, when nothing is close, the list of choices.
    public static func hint(for word: String, in candidates: [String]) -> String {
        if let near = closest(to: word, in: candidates) { return " Did you mean \"\(near)\"?" }
        var seen = Set<String>()
        let candidates = candidates.filter { seen.insert($0).inserted }
        guard !candidates.isEmpty else { return "" }
        let shown = candidates.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        return " Expected one of: \(shown)\(candidates.count > 12 ? ", …" : "")."
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
