import Foundation

/// The language a user-facing text is written in: Vietnamese unless English is asked for.
public enum Language: String, Sendable, CaseIterable {
    /// Tiếng Việt: the default, for the Sở's staff and the units' clerks.
    case vietnamese = "vi"
    case english = "en"

    /// The language a run speaks: `--lang` when given (`vi`, `en`), else the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty — English when it starts
    /// with `en`, Vietnamese otherwise (including `C` and `POSIX`, and when none is set).
    public static func resolve(option: String?, environment: [String: String]) -> Language? {
        if let option {
            return Language(code: option)
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .english : .vietnamese
            }
        }
        return .vietnamese
    }

    /// `vi`, `vie`, `tiếng việt`, `en`, `english`…; nil for anything else.
    public init?(code: String) {
        let text = code.trimmingCharacters(in: .whitespaces).lowercased()
        if ["vi", "vie", "vn", "tiếng việt", "tieng viet", "vietnamese"].contains(text) || text.hasPrefix("vi_") || text.hasPrefix("vi-") {
            self = .vietnamese
        } else if ["en", "eng", "english"].contains(text) || text.hasPrefix("en_") || text.hasPrefix("en-") {
            self = .english
        } else {
            return nil
        }
    }
}
