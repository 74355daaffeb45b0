import Foundation
import Testing
@testable import HienDienKit

/// The message catalogue: every diagnostic code has words in both languages, and the
/// Vietnamese is written with its diacritics (a clerk reads "không được", never "khong duoc").
struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every diagnostic code written in `Sources/`: `code: "…"` arguments, and string literals that
    /// look like a code of a known family (`"json.type"` passed to a helper), but not file names.
    static let codesInSources: Set<String> = {
        let families = ["csv", "json", "value", "unit", "period", "date", "indicator", "task", "report", "file",
                        "encoding", "plan", "template", "xlsx", "docx", "store", "form", "ingest", "office"]
        let fileExtensions: Set<String> = ["md", "html", "csv", "json", "sqlite", "xlsx", "docx", "txt", "mustache", "pdf", "png"]
        let literal = try! NSRegularExpression(pattern: "\"((?:\(families.joined(separator: "|")))\\.[a-z][A-Za-z0-9-]*)\"")
        let argument = try! NSRegularExpression(pattern: "code:\\s*\"([^\"\\\\]+)\"")
        var codes = Set(CountParser.Reason.allCases.map(\.code))
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Messages/") && !$0.hasPrefix("hiendien-gen") && !$0.contains("HelpWords") }
        for file in files {
            let text = try! String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for regex in [literal, argument] {
                for match in regex.matches(in: text, range: range) {
                    let code = String(text[Range(match.range(at: 1), in: text)!])
                    if let ext = code.split(separator: ".").last, fileExtensions.contains(String(ext)) { continue }
                    codes.insert(code)
                }
            }
        }
        return codes
    }()

    /// A diagnostic of `code` with every detail a site may give, to exercise every branch.
    static func sample(_ code: String, suggestion: Bool) -> Diagnostic {
        var diagnostic = Diagnostic(at: SourceLocation(file: "xa-a.csv", line: 3, column: 14), code: code,
                                    message: "the English sentence", offending: "12,5",
                                    hint: suggestion ? "did you mean 'id_vn_new'?" : "the English hint")
        if suggestion {
            for name in ["earlier", "column", "units", "plan-span", "unit-life", "successor", "today", "encoding", "field"] {
                diagnostic = diagnostic.with(name, name == "encoding" ? "TCVN3 (ABC)" : "giá trị")
            }
        }
        return diagnostic
    }

    static func unaccentedWords(in text: String) -> [String] { DiacriticsCheck.unaccentedWords(in: text) }

    @Test func theScanFindsTheCodesItShould() {
        // Guards the scan itself: codes made in four different ways.
        for code in ["value.decimal", "csv.header-missing", "json.syntax", "plan.parent-cycle", "template.unclosed-tag",
                     "encoding.utf16"] {
            #expect(Self.codesInSources.contains(code), "\(code)")
        }
        #expect(!Self.codesInSources.contains("report.md"))
    }

    @Test func everyCodeInTheSourcesHasBothLanguages() {
        let missing = Self.codesInSources.filter { DiagnosticCatalogue.entries[$0] == nil }.sorted()
        #expect(missing.isEmpty, "no catalogue entry (add one in Sources/HienDienKit/Messages/DiagnosticCatalogue+…): \(missing)")
        for code in Self.codesInSources.sorted() {
            guard let entry = DiagnosticCatalogue.entries[code] else { continue }
            for suggestion in [false, true] {
                let diagnostic = Self.sample(code, suggestion: suggestion)
                let vietnamese = entry.vietnamese(diagnostic), english = entry.english(diagnostic)
                #expect(!vietnamese.message.isEmpty && !english.message.isEmpty, "\(code)")
                #expect(vietnamese.message != english.message, "\(code): the Vietnamese is the English")
                #expect(vietnamese.hint != nil, "\(code): no Vietnamese hint — say what to do")
            }
        }
    }

    @Test func everyUsageProblemIsInTheCatalogue() throws {
        // `UsageProblem("English text")` compiles, so that a branch written before the catalogue
        // still builds; this test then names the sentence to add to `Message`.
        var untranslated: [String] = []
        for file in FileManager.default.enumerator(atPath: Self.sources.path)!.compactMap({ $0 as? String })
        where file.hasSuffix(".swift") && !file.contains("Messages/") {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            if text.contains("UsageProblem(\"") || text.contains(".untranslated(") { untranslated.append(file) }
        }
        #expect(untranslated.isEmpty, "English-only messages (add a case to Message and both languages): \(untranslated)")
    }

    @Test func noCatalogueEntryIsLeftOver() {
        // An entry whose code no site makes any more is a stale message.
        let stale = Set(DiagnosticCatalogue.entries.keys).subtracting(Self.codesInSources).sorted()
        #expect(stale.isEmpty, "\(stale)")
    }

    @Test func theVietnameseOfEveryCodeHasItsDiacritics() {
        for code in DiagnosticCatalogue.entries.keys.sorted() {
            for suggestion in [false, true] {
                let words = DiagnosticCatalogue.wording(of: Self.sample(code, suggestion: suggestion), in: .vietnamese)
                let text = words.message + " " + (words.hint ?? "")
                #expect(Self.unaccentedWords(in: text).isEmpty, "\(code): \(text)")
                #expect(text == text.precomposedStringWithCanonicalMapping, "\(code) is not NFC")
            }
        }
    }

    @Test func theCheckCatchesUnaccentedText() {
        #expect(Self.unaccentedWords(in: "so lieu khong duoc de trong") == ["khong", "duoc", "so lieu"])
        #expect(Self.unaccentedWords(in: "số liệu không được để trống").isEmpty)
        #expect(Self.unaccentedWords(in: "ghi vào thư mục cong-van").isEmpty)
    }

    @Test func aDecimalIsExplainedToTheClerkInVietnamese() {
        // The issue's example: "counts must be whole numbers; this looks like a decimal: '12,5'".
        let diagnostic = CountParser.Reason.decimal.diagnostic(
            at: SourceLocation(file: "xa-a.csv", line: 3, column: 14), offending: "12,5", lineText: "XA_A;2026-Q2;id_vn_new;12,5")
        let text = diagnostic.rendered(in: .vietnamese)
        #expect(text.hasPrefix("xa-a.csv, dòng 3, cột 14: lỗi: số liệu phải là số nguyên"))
        #expect(text.contains("'12,5' [value.decimal]"))
        #expect(text.contains("cách sửa: ghi số đếm nguyên"))
        #expect(diagnostic.rendered(in: .english) == diagnostic.description)
    }

    @Test(arguments: [
        ([:], Language.vietnamese), (["LANG": "vi_VN.UTF-8"], .vietnamese), (["LANG": "C.UTF-8"], .vietnamese),
        (["LANG": "en_US.UTF-8"], .english), (["LC_MESSAGES": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"], .english),
        (["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], .vietnamese),
    ])
    func theLanguageFollowsTheLocale(environment: [String: String], expected: Language) {
        #expect(Language.resolve(option: nil, environment: environment) == expected)
    }

    @Test func theOptionOverridesTheLocale() {
        #expect(Language.resolve(option: "en", environment: ["LANG": "vi_VN.UTF-8"]) == .english)
        #expect(Language.resolve(option: "vi", environment: ["LANG": "en_US.UTF-8"]) == .vietnamese)
        #expect(Language.resolve(option: "fr", environment: [:]) == nil)
    }
}
