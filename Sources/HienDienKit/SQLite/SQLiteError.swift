/// An error reported by SQLite: its result code, its message and the SQL that failed
/// (never the bound values, which may be personal data).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (extended codes carry more in their upper bits).
    public var primaryCode: Int32 { code & 0xFF }

    /// The code and message without the statement: what a user is shown (the SQL is for
    /// developers and logs, and says nothing a user can act on).
    public var userDescription: String { "SQLite error \(code): \(message)" }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}
