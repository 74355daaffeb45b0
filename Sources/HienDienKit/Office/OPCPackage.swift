/// What `.xlsx` and `.docx` share as packages (ECMA-376 Part 2, Open Packaging Conventions):
/// the XML declaration, `[Content_Types].xml` and the relationship parts. The writers name
/// their parts and relationships; the markup around them is written here once.
enum OPCPackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The relationship types hiendien's packages use, under
    /// `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`.
    enum RelationshipType: String {
        case officeDocument, worksheet, styles, sharedStrings, settings, header
    }

    struct Relationship {
        var id: String
        var type: RelationshipType
        var target: String
    }

    /// `[Content_Types].xml`: relationships and XML by extension, then each part's own type
    /// (a content type under `application/vnd.openxmlformats-officedocument.`).
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map {
                "<Override PartName=\"\($0.part)\" ContentType=\"application/vnd.openxmlformats-officedocument.\($0.type)\"/>"
            }.joined()
            + "</Types>"
    }

    /// A relationship part (`_rels/….rels`).
    static func relationships(_ relationships: [Relationship]) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationships.map {
                "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\($0.type.rawValue)\" Target=\"\($0.target)\"/>"
            }.joined()
            + "</Relationships>"
    }
}
