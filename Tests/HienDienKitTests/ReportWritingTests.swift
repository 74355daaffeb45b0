import Foundation
import Testing
@testable import HienDienKit

/// `report` writes its formats side by side, each file as it is made (issue 16), and still
/// keeps its promise: a template error writes nothing, and the period folder holds the old set
/// of reports or the new one.
struct ReportWritingTests {
    static let report = ReportRendererTests.quarter
    static let renderer = ReportRendererTests.renderer

    func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-writing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.path)
    }

    /// The templates, with `report.html` replaced by one naming data the report does not have.
    func brokenPageTemplates(in folder: String) throws -> ReportRenderer {
        let templates = (folder as NSString).appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: ReportRendererTests.templatesFolder.path, toPath: templates)
        let page = (templates as NSString).appendingPathComponent("report.html.mustache")
        try FileManager.default.removeItem(atPath: page)
        try Data("<p>{{khong_co}} {{cung_khong_co}}</p>\n".utf8).write(to: URL(fileURLWithPath: page))
        return ReportRenderer(templates: TemplateLibrary(directory: URL(fileURLWithPath: templates)))
    }

    @Test func everyFormatAtOnceGivesTheBytesOfEachFormatAlone() throws {
        try withTemporaryFolder { folder in
            let together = try Self.renderer.write(Self.report, formats: Set(ReportFormat.allCases), to: "\(folder)/together")
            for format in ReportFormat.allCases {
                let alone = try Self.renderer.write(Self.report, formats: [format], to: "\(folder)/\(format)")
                for path in alone {
                    let name = (path as NSString).lastPathComponent
                    let same = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/together/2026-Q2/\(name)"))
                    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == same, "\(name) written with \(format) alone")
                }
            }
            #expect(together.count == 9)
        }
    }

    @Test func aBrokenPageTemplateLeavesTheOldReportsAsTheyWere() throws {
        try withTemporaryFolder { folder in
            let out = "\(folder)/out"
            _ = try Self.renderer.write(Self.report, formats: Set(ReportFormat.allCases), to: out)
            let before = try Self.contents("\(out)/2026-Q2")
            let broken = try brokenPageTemplates(in: folder)
            // md renders fine and xlsx is written beside it; the page's error still stops the run.
            let error = #expect(throws: InputError.self) {
                try broken.write(Self.report, formats: Set(ReportFormat.allCases), to: out)
            }
            #expect(error?.diagnostics.map(\.code) == ["template.missing-key", "template.missing-key"])
            #expect(try Self.contents("\(out)/2026-Q2") == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["2026-Q2"], "no staging folder is left")
        }
    }

    @Test func aFailedRunRemovesOnlyTheFoldersItMade() throws {
        try withTemporaryFolder { folder in
            let broken = try brokenPageTemplates(in: folder)
            #expect(throws: InputError.self) { try broken.write(Self.report, formats: [.md, .html], to: "\(folder)/a/b/c") }
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/a"), "the folders the run made are gone")
            try FileManager.default.createDirectory(atPath: "\(folder)/kept", withIntermediateDirectories: true)
            #expect(throws: InputError.self) { try broken.write(Self.report, formats: [.html], to: "\(folder)/kept/reports") }
            #expect(FileManager.default.fileExists(atPath: "\(folder)/kept"), "a folder that was there stays")
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/kept").isEmpty)
        }
    }

    /// report.docx alone is converted from a page written into the staging folder for the
    /// purpose: the period folder gets the Word file and the data checks, not the page; a page
    /// that fails to render leaves no page, no staging folder and the old reports.
    @Test func wordAloneLeavesNoPageBehind() throws {
        try withTemporaryFolder { folder in
            let out = "\(folder)/out"
            let written = try Self.renderer.write(Self.report, formats: [.docx], to: out)
            #expect(written.map { ($0 as NSString).lastPathComponent } == ["report.docx", DataCheck.fileName])
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(out)/2026-Q2").sorted() == [DataCheck.fileName, "report.docx"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["2026-Q2"])
            let document = try Data(contentsOf: URL(fileURLWithPath: "\(out)/2026-Q2/report.docx"))
            #expect([UInt8](document) == WordDocument.make(fromHTML: try Self.renderer.html(Self.report)))

            let before = try Self.contents("\(out)/2026-Q2")
            let broken = try brokenPageTemplates(in: folder)
            #expect(throws: InputError.self) { try broken.write(Self.report, formats: [.docx], to: out) }
            #expect(try Self.contents("\(out)/2026-Q2") == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["2026-Q2"], "no staging folder is left")
        }
    }

    static func contents(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
        return result
    }
}
