/// Who issues the report for a stretch of time: the body that signs (the Sở), its parent
/// authority (the UBND), the place on the date line, the number line and the signature block.
/// A plan lists these with `from` dates when the issuer changes (Trà Vinh → Vĩnh Long on
/// 01/7/2025); `DocumentInfo.issuer(on:)` picks the one in force on the report's date.
public struct ReportIssuer: Sendable, Hashable {
    /// First day this entry applies; nil: from the beginning.
    public var from: Day?
    /// Cơ quan chủ quản: "Ủy ban nhân dân tỉnh Trà Vinh" (the header's first line).
    public var authority: String?
    /// Cơ quan ban hành báo cáo: "Sở Khoa học và Công nghệ".
    public var body: String
    /// The place on the date line ("Vĩnh Long, ngày …").
    public var place: String
    /// The whole number line after "Số: " ("…/BC-SVHTTDL").
    public var number: String
    /// What the report covers ("tỉnh Trà Vinh (cũ)"), if it is not the authority's own area.
    public var area: String?
    /// Kính gửi.
    public var submittedTo: [String]
    /// Through whom it is sent ("Sở Khoa học và Công nghệ"), if not directly.
    public var via: String?
    /// Nơi nhận.
    public var recipients: [String]
    /// "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC".
    public var signerTitle: [String]
    public var signerName: String
    /// Set when any of these values is the plan file's assumption, not the seed's words.
    public var assumed: Assumption?

    public init(from: Day? = nil, authority: String? = nil, body: String, place: String, number: String = "…/BC-SKHCN",
                area: String? = nil, submittedTo: [String] = [], via: String? = nil, recipients: [String] = ["Lưu: VT."],
                signerTitle: [String] = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signerName: String = "",
                assumed: Assumption? = nil) {
        self.from = from
        self.authority = authority
        self.body = body
        self.place = place
        self.number = number
        self.area = area
        self.submittedTo = submittedTo
        self.via = via
        self.recipients = recipients
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.assumed = assumed
    }
}

extension DocumentInfo {
    /// The issuer in force on `day`: the last entry whose `from` is on or before it (the first
    /// entry when `day` precedes them all).
    public func issuer(on day: Day) -> ReportIssuer {
        let sorted = issuers.enumerated().sorted { a, b in
            switch (a.element.from, b.element.from) {
            case let (x?, y?): x == y ? a.offset < b.offset : x < y
            case (nil, .some): true
            case (.some, nil): false
            case (nil, nil): a.offset < b.offset
            }
        }.map(\.element)
        return sorted.last { ($0.from.map { $0 <= day }) ?? true } ?? sorted.first
            ?? ReportIssuer(body: "", place: "", number: number, recipients: recipients, signerTitle: signerTitle,
                            signerName: signerName)
    }
}

extension Plan {
    /// The issuer in force on `day`; a plan built without dated issuers (in code, not from a file)
    /// speaks through its flat fields: `issuer` as authority, the coordinator as body, `place`.
    public func issuer(on day: Day) -> ReportIssuer {
        if !document.issuers.isEmpty { return document.issuer(on: day) }
        return ReportIssuer(authority: issuer, body: unit(coordinator)?.name ?? coordinator, place: place,
                            number: document.number, recipients: document.recipients,
                            signerTitle: document.signerTitle, signerName: document.signerName)
    }
}
