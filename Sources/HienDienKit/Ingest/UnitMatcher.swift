import Foundation
import Synchronization

/// Finds which reporting unit (đơn vị báo cáo) a report means, from its id, name or alias.
///
/// Order of trial: the id exactly, then the id ignoring case, then names and aliases by
/// `VietnameseText.matchKey` (so NFC/NFD, case, "Hoá"/"Hóa" and "UBND"/"Ủy ban nhân dân" meet).
/// A key that belongs to two units is ambiguous and never guessed. Everything is precomputed
/// in `init`; each distinct input text is worked out once and then answered from a cache, so
/// ingesting millions of rows costs a dictionary lookup per row.
public struct UnitMatcher: Sendable {
    /// A unit as the plan declares it.
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var name: String
        public var aliases: [String]

        public init(id: String, name: String, aliases: [String] = []) {
            self.id = id
            self.name = name
            self.aliases = aliases
        }
    }

    /// What a text matched.
    public enum Match: Hashable, Sendable {
        /// Exactly one unit.
        case unique(id: String)
        /// Several units share this name or alias; the ids, sorted.
        case ambiguous(ids: [String])
        /// No unit; up to three near misses, closest first, each as `ID (Name)`.
        case unknown(suggestions: [String])

        /// The unit's id when the match is unique.
        public var id: String? {
            if case .unique(let id) = self { return id }
            return nil
        }

        /// The input error for a match that is not unique, nil for a unique one.
        ///
        /// Codes: `unit.ambiguous`, `unit.unknown`.
        public func diagnostic(for text: String, at location: SourceLocation, lineText: String? = nil) -> Diagnostic? {
            switch self {
            case .unique:
                return nil
            case .ambiguous(let ids):
                return Diagnostic(
                    at: location, code: "unit.ambiguous",
                    message: "this name fits more than one unit (\(ids.joined(separator: ", ")))",
                    offending: text, hint: "write the unit's id instead of its name", lineText: lineText)
                    .with("units", ids.joined(separator: ", "))
            case .unknown(let suggestions):
                let hint = suggestions.isEmpty
                    ? "use a unit id, name or alias from the plan"
                    : "did you mean " + suggestions.joined(separator: " or ") + "?"
                return Diagnostic(
                    at: location, code: "unit.unknown", message: "no unit in the plan has this id, name or alias",
                    offending: text, hint: hint, lineText: lineText)
            }
        }
    }

    /// Id to id: Swift compares strings by canonical equivalence, so the stored spelling is returned.
    private let byID: [String: String]
    private let byLowercasedID: [String: [String]]
    /// Names, aliases and near-miss candidates: built on first use, since a file that names its
    /// units by id (a national data set of 4,000 units) never needs them.
    private let names: LazyNames
    private var byKey: [String: [String]] { names.tables.byKey }
    private var candidates: [Candidate] { names.tables.candidates }
    /// In how many units' names and aliases each word (of `matchKey`) occurs.
    private var wordFrequency: [String: Int] { names.tables.wordFrequency }
    private let cache: Cache

    /// How many distinct input texts are remembered; beyond that, texts are worked out each time.
    public static let cacheCapacity = 20_000

    /// Builds the lookup tables. When two entries share an id, the first one wins (the plan's
    /// validation reports duplicates; this type does not).
    public init(_ entries: [Entry]) {
        var byID: [String: String] = [:]
        var byLowercasedID: [String: [String]] = [:]
        var unique: [Entry] = []
        for entry in entries where byID[entry.id] == nil {
            byID[entry.id] = entry.id
            byLowercasedID[entry.id.lowercased(), default: []].append(entry.id)
            unique.append(entry)
        }
        self.byID = byID
        self.byLowercasedID = byLowercasedID.mapValues { $0.sorted() }
        self.names = LazyNames(unique)
        self.cache = Cache()
    }

    private struct NameTables: Sendable {
        var byKey: [String: [String]]
        var candidates: [Candidate]
        var wordFrequency: [String: Int]

        init(_ entries: [Entry]) {
            var byKey: [String: [String]] = [:]
            var candidates: [Candidate] = []
            for entry in entries {
                var keys: [String] = []
                // Each text's words once: its match key, its folded key and its words all come from them.
                var folded: Set<String> = [VietnameseText.foldedKey(entry.id)]
                var words: Set<String> = []
                for text in [entry.name] + entry.aliases {
                    let textWords = VietnameseText.words(of: text)
                    let key = textWords.joined(separator: " ")
                    folded.insert(VietnameseText.fold(key))
                    words.formUnion(textWords)
                    guard !key.isEmpty, !keys.contains(key) else { continue }
                    keys.append(key)
                    byKey[key, default: []].append(entry.id)
                }
                candidates.append(Candidate(id: entry.id, name: entry.name, foldedKeys: folded.sorted(), words: words))
            }
            self.byKey = byKey.mapValues { $0.sorted() }
            self.candidates = candidates
            self.wordFrequency = candidates.reduce(into: [:]) { counts, candidate in
                for word in candidate.words { counts[word, default: 0] += 1 }
            }
        }
    }

    private final class LazyNames: Sendable {
        private let entries: [Entry]
        private let storage = Mutex<NameTables?>(nil)

        init(_ entries: [Entry]) { self.entries = entries }

        var tables: NameTables {
            storage.withLock { tables in
                if let tables { return tables }
                let built = NameTables(entries)
                tables = built
                return built
            }
        }
    }

    /// The unit `text` names. Surrounding spaces are ignored; empty text is unknown.
    ///
    /// - Parameter suggesting: false when no message will show the near misses of an unknown
    ///   text (the list of problems is full), so none are searched for: the search looks at
    ///   every unit, and a file of a million unknown units must not make a million searches.
    public func match(_ text: String, suggesting: Bool = true) -> Match {
        if let id = byID[text] { return .unique(id: id) }
        if let known = cache.value(for: text) { return known }
        let result = resolve(text, suggesting: suggesting)
        if suggesting { cache.store(result, for: text, capacity: Self.cacheCapacity) }
        return result
    }

    // MARK: - Resolution

    private func resolve(_ text: String, suggesting: Bool) -> Match {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id = byID[trimmed] { return .unique(id: id) }
        if let ids = byLowercasedID[trimmed.lowercased()] { return Self.match(ids) }
        let key = VietnameseText.matchKey(trimmed)
        if let ids = byKey[key] { return Self.match(ids) }
        return .unknown(suggestions: suggesting ? suggestions(for: trimmed) : [])
    }

    private static func match(_ ids: [String]) -> Match {
        ids.count == 1 ? .unique(id: ids[0]) : .ambiguous(ids: ids)
    }

    /// Up to three near misses for `text`, best first.
    ///
    /// Two kinds of near miss, in this order:
    /// - typos: an id, name or alias within a few edits once diacritics are gone (a quarter of
    ///   the text's length, at least 2), closest first;
    /// - other wordings: units whose words make up at least half of what the text says, where
    ///   rare words weigh more than common ones ("Long Đức" says more than "xã" or "sở"),
    ///   most first.
    /// Ties go to the unit with more shared words, then to the smaller id.
    private func suggestions(for text: String) -> [String] {
        let folded = VietnameseText.foldedKey(text)
        guard !folded.isEmpty else { return [] }
        let query = Array(folded.unicodeScalars)
        let reach = max(2, query.count / 4)
        let words = Set(VietnameseText.words(of: text))
        let said = weight(of: words)

        var typos: [(distance: Int, shared: Double, candidate: Candidate)] = []
        var wordings: [(shared: Double, candidate: Candidate)] = []
        for candidate in candidates {
            var distance: Int?
            for key in candidate.foldedKeys {
                let limit = min(reach, (distance ?? Int.max) - 1)
                if let found = EditDistance.between(query, Array(key.unicodeScalars), limit: limit) {
                    distance = found
                }
            }
            let shared = weight(of: words.intersection(candidate.words))
            if let distance {
                typos.append((distance, shared, candidate))
            } else if said > 0, shared >= said / 2 {
                wordings.append((shared, candidate))
            }
        }
        typos.sort { lhs, rhs in
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.shared != rhs.shared { return lhs.shared > rhs.shared }
            return lhs.candidate.id < rhs.candidate.id
        }
        wordings.sort { lhs, rhs in
            if lhs.shared != rhs.shared { return lhs.shared > rhs.shared }
            return lhs.candidate.id < rhs.candidate.id
        }
        let ranked = typos.map(\.candidate) + wordings.map(\.candidate)
        return ranked.prefix(3).map { "\($0.id) (\($0.name))" }
    }

    /// The weight of `words` together, added up in the words' order: a set's own order differs
    /// from one set to another, and sums of the same weights in another order can differ in the
    /// last bit — enough to break a tie between two units differently from one run to the next.
    private func weight(of words: Set<String>) -> Double {
        words.sorted().reduce(0.0) { $0 + weight(of: $1) }
    }

    /// How much a word tells units apart: 0 for a word every unit has, more the rarer it is.
    private func weight(of word: String) -> Double {
        let units = Double(candidates.count + 1)
        return log(units / Double((wordFrequency[word] ?? 0) + 1))
    }

    private struct Candidate: Sendable {
        var id: String
        var name: String
        var foldedKeys: [String]
        /// The words of the name and aliases (not the id: a code's pieces say little).
        var words: Set<String>
    }

    /// Answers already worked out, keyed by the raw input text; shared by copies of the matcher.
    private final class Cache: Sendable {
        private let storage = Mutex<[String: Match]>([:])

        func value(for text: String) -> Match? {
            storage.withLock { $0[text] }
        }

        func store(_ match: Match, for text: String, capacity: Int) {
            storage.withLock { table in
                if table.count < capacity { table[text] = match }
            }
        }
    }
}
