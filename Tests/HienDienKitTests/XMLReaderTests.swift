import Testing
@testable import HienDienKit

struct XMLReaderTests {
    private func events(_ xml: String) throws -> [String] {
        var result: [String] = []
        try XMLReader.parse(Array(xml.utf8), part: "xl/sharedStrings.xml", label: "bao-cao.xlsx") { event in
            switch event {
            case .start(let name, let attributes):
                result.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
            case .end(let name): result.append("</\(name)>")
            case .text(let text): result.append(text)
            }
        }
        return result
    }

    private func refusal(_ xml: String) -> String? {
        do { _ = try events(xml) } catch let error as InputError { return error.description } catch { return "\(error)" }
        return nil
    }

    @Test func readsWhatExcelWritesWithPrefixesEntitiesAndCDATA() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <x:sst xmlns:x="urn:x" count='2'><!-- shared --><x:si><x:t xml:space="preserve">Sở KH&amp;CN &#x1EC7;&#7879;</x:t></x:si><x:si><x:t><![CDATA[1.250 < 2]]></x:t></x:si><br/></x:sst>
            """
        #expect(try events(xml) == ["<sst count=2 x=urn:x>", "<si>", "<t space=preserve>", "Sở KH&CN ệệ", "</t>", "</si>",
                                    "<si>", "<t>", "1.250 < 2", "</t>", "</si>", "<br>", "</br>", "</sst>"])
    }

    @Test(arguments: [
        ("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", "document type declaration"),
        ("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>", "document type declaration"),
        ("<x>&lol;</x>", "not defined"),
        ("<x><y></x></y>", "does not match"),
        ("<x>", "not closed"),
        ("<x a=1/>", "not quoted"),
        ("<x/><y/>", "second root"),
        ("", "no element"),
        ("<x>&#0;</x>", "not a character"),
    ])
    func refusesWhatIsNotAPlainOfficePart(xml: String, reason: String) {
        let message = refusal(xml)
        #expect(message?.contains(reason) == true, "\(message ?? "accepted")")
        #expect(message?.contains("xl/sharedStrings.xml") == true)
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(refusal(deep)?.contains("nest deeper") == true)
    }
}
