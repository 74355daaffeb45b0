extension Store {
    /// The stored indicators' text ids by their integer key (schema 3), read once per query so
    /// that a read of every value maps each row's key with an array index instead of joining
    /// the indicator table row by row (a national report reads 843,200 values).
    struct IndicatorKeys {
        /// Index = key, for the small keys `AUTOINCREMENT` gives; any other key in `others`.
        private var byKey: [String?] = []
        private var others: [Int64: String] = [:]
        private let path: String

        init(_ database: Database) throws {
            path = database.path
            for (key, id) in try database.prepare("SELECT key, id FROM indicator").rows(map: { ($0.int64(0), $0.text(1)) }) {
                if (0..<100_000).contains(key) {
                    if byKey.count <= Int(key) { byKey += Array(repeating: nil, count: Int(key) + 1 - byKey.count) }
                    byKey[Int(key)] = id
                } else {
                    others[key] = id
                }
            }
        }

        /// The text id of a stored value's indicator key; a key no indicator has (a store edited
        /// by hand, a damaged page) is a `StoreError.damagedRow`, never a crash.
        func id(_ key: Int64, row: @autoclosure () -> String) throws -> String {
            if key >= 0, key < Int64(byKey.count), let id = byKey[Int(key)] { return id }
            if let id = others[key] { return id }
            throw StoreError.damagedRow(table: "value", row: row(), column: "indicator_key", text: String(key), path: path)
        }

        /// For each small key: the position its id has in `position` (a plan's indicators), -1
        /// when the plan has no such indicator, -2 when no indicator has the key.
        func positions(_ position: [String: Int]) -> [Int] {
            byKey.map { id in id.map { position[$0] ?? -1 } ?? -2 }
        }
    }
}
