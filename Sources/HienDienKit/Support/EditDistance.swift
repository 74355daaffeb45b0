/// How far apart two spellings are: the fewest single-character edits that turn one into the other.
///
/// Used to suggest what a user probably meant — a unit (`UnitMatcher`), a command or an option
/// (the command-line parser). Characters are compared as Unicode scalars, so callers that want
/// "Đức" and "Duc" to be close compare folded keys (`VietnameseText.foldedKey`).
///
/// The distance is Levenshtein's (insert, delete, substitute) with one addition: swapping two
/// adjacent characters counts as one edit ("optimal string alignment"), because that is the most
/// common typing slip (`reprot` → `report`).
public enum EditDistance {
    /// The number of edits between `a` and `b`, or nil when it is more than `limit`.
    ///
    /// With a small `limit` the work stops as soon as every path is over it, so ranking many
    /// candidates against one input stays cheap.
    public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int? {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The number of edits between two sequences, or nil when it is more than `limit`.
    public static func between<Element: Equatable>(
        _ a: [Element], _ b: [Element], limit: Int = .max
    ) -> Int? {
        guard limit >= 0 else { return nil }
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }

        // Three rows: two back (for transpositions), the previous one, and the one being filled.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)

        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return nil }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }

    /// The candidate closest to `input`, if one is within `limit` edits.
    ///
    /// Ties go to the candidate listed first, so callers control the order of preference.
    public static func closest(
        to input: String, among candidates: some Sequence<String>, limit: Int
    ) -> String? {
        var best: (candidate: String, distance: Int)?
        let target = Array(input.unicodeScalars)
        for candidate in candidates {
            let bound = best.map { $0.distance - 1 } ?? limit
            if let distance = between(target, Array(candidate.unicodeScalars), limit: bound) {
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate
    }

    /// How many edits a typo of `input` may plausibly carry: 1 for short words, up to 3 for long ones.
    ///
    /// A looser bound would suggest unrelated words ("db" for "x").
    public static func typoLimit(for input: String) -> Int {
        let length = input.unicodeScalars.count
        if length <= 3 { return 1 }
        if length <= 6 { return 2 }
        return 3
    }
}
