/// A note in a plan file. A plain string is internal (the plan author's working note: shown by
/// `hiendien check` and the docs, never printed in a report); `{ "text": "…", "public": true }`
/// may print.
public struct PlanNote: Sendable, Hashable {
    public var text: String
    public var isPublic: Bool

    public init(text: String, isPublic: Bool = false) {
        self.text = text
        self.isPublic = isPublic
    }

    /// The text when it may print, else nil.
    public var publicText: String? { isPublic ? text : nil }
}

/// A value the plan file had to assume because the seed does not say it (a due date, a signer's
/// name, an issue day). `hiendien check` lists every one; a report never presents it as the
/// plan's own words.
public struct Assumption: Sendable, Hashable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// Where in the plan file an assumption sits, for `hiendien check`.
public struct PlanAssumption: Sendable, Hashable {
    /// A JSON path such as `$.document.issuers[1]`.
    public var path: String
    /// What is assumed, in the plan's words (a unit's name, a task id, an issuer's body).
    public var subject: String
    public var reason: String
}
