import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// The Vietnamese help covers every command, option, argument and example, with its diacritics.
struct HelpWordsTests {
    @Test(arguments: Arguments.commands)
    func everyPartOfACommandHasItsVietnamese(spec: CommandSpec) {
        var keys = ["\(spec.name).abstract"]
        if !spec.discussion.isEmpty { keys.append("\(spec.name).discussion") }
        keys += spec.positionals.map { "\(spec.name).argument.\($0.name)" }
        keys += spec.examples.indices.map { "\(spec.name).example.\($0)" }
        for key in keys { #expect(HelpWords.vietnamese(key) != nil, "no Vietnamese help for \(key)") }
        for option in spec.options {
            #expect(HelpWords.vietnamese("\(spec.name).option.\(option.name)") ?? HelpWords.vietnamese("*.option.\(option.name)") != nil,
                    "no Vietnamese help for --\(option.name) of \(spec.name)")
        }
    }

    @Test(arguments: Arguments.commands)
    func theVietnameseHelpReadsWell(spec: CommandSpec) {
        let text = spec.helpText(in: .vietnamese)
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let prose = text.split(separator: "\n").filter { !$0.hasPrefix("  hiendien ") }.joined(separator: "\n")
        #expect(DiacriticsCheck.unaccentedWords(in: prose).isEmpty, "\(spec.name)")
        #expect(text != spec.helpText(in: .english))
        // Command and option names stay ASCII.
        for option in spec.options { #expect(text.contains(option.synopsis)) }
    }

    @Test func theVietnameseTableHasNoStaleKeys() {
        let commands = Dictionary(uniqueKeysWithValues: Arguments.commands.map { ($0.name, $0) })
        for key in HelpWords.vietnamese.keys {
            let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
            if parts[0] == "*" {
                #expect(Arguments.commands.contains { $0.option(named: parts[2]) != nil }, "\(key)")
                continue
            }
            let spec = commands[parts[0]]
            #expect(spec != nil, "\(key)")
            if parts.count == 3, let spec {
                switch parts[1] {
                case "option": #expect(spec.option(named: parts[2]) != nil, "\(key)")
                case "argument": #expect(spec.positionals.contains { $0.name == parts[2] }, "\(key)")
                case "example": #expect(Int(parts[2]).map { spec.examples.indices.contains($0) } == true, "\(key)")
                default: Issue.record("unknown key \(key)")
                }
            }
        }
    }
}
