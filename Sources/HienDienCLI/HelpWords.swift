import HienDienKit

/// The words of `--help` and `help COMMAND` in one language. English comes from the command
/// specs themselves (`Arguments+Help.swift`); Vietnamese from `HelpWords.vietnamese`, keyed by
/// `command.abstract`, `command.discussion`, `command.option.NAME`, `command.argument.NAME` and
/// `command.example.N` (`*.option.NAME` for an option several commands share).
/// `HelpCatalogueTests` fails for any command, option, argument or example without its Vietnamese.
struct HelpWords {
    let language: Language
    init(_ language: Language) { self.language = language }

    private var vi: Bool { language == .vietnamese }

    /// The Vietnamese text for `key`, or nil.
    static func vietnamese(_ key: String) -> String? { vietnamese[key] }

    private func pick(_ key: String, fallback: String, shared: String? = nil) -> String {
        guard vi else { return fallback }
        return Self.vietnamese[key] ?? shared.flatMap { Self.vietnamese[$0] } ?? fallback
    }

    func abstract(of spec: CommandSpec) -> String { pick("\(spec.name).abstract", fallback: spec.abstract) }
    func discussion(of spec: CommandSpec) -> String {
        spec.discussion.isEmpty ? "" : pick("\(spec.name).discussion", fallback: spec.discussion)
    }
    func help(of option: OptionSpec, in spec: CommandSpec) -> String {
        pick("\(spec.name).option.\(option.name)", fallback: option.help, shared: "*.option.\(option.name)")
    }
    func help(of positional: PositionalSpec, in spec: CommandSpec) -> String {
        pick("\(spec.name).argument.\(positional.name)", fallback: positional.help)
    }
    func explanation(of example: CommandSpec.Example, number: Int, in spec: CommandSpec) -> String {
        pick("\(spec.name).example.\(number)", fallback: example.explanation)
    }

    var overview: String { vi ? "TÓM TẮT: " : "OVERVIEW: " }
    var usage: String { vi ? "CÁCH DÙNG: " : "USAGE: " }
    var arguments: String { vi ? "THAM SỐ:" : "ARGUMENTS:" }
    var options: String { vi ? "TÙY CHỌN:" : "OPTIONS:" }
    var commands: String { vi ? "CÁC LỆNH:" : "COMMANDS:" }
    var commandPlaceholder: String { "COMMAND [OPTIONS]" }
    var required: String { vi ? "Bắt buộc." : "Required." }
    func defaultValue(_ value: String) -> String { vi ? "Mặc định: \(value)." : "Default: \(value)." }
    var showHelp: String { vi ? "Hiện hướng dẫn này." : "Show this help." }
    var showHelpOverview: String {
        vi ? "Hiện hướng dẫn này; đặt sau tên lệnh thì hiện hướng dẫn của lệnh đó." : "Show this help; after a command, that command's help."
    }
    var showVersion: String { vi ? "Hiện phiên bản." : "Show the version." }
    var languageOption: String {
        vi ? "Ngôn ngữ của thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh; cũng dùng khi biến LANG bắt đầu bằng en)."
            : "The language of messages: vi (Vietnamese, the default) or en (English; also when LANG starts with en)."
    }
    func examplesHeading(_ count: Int) -> String { vi ? "VÍ DỤ:" : count == 1 ? "EXAMPLE:" : "EXAMPLES:" }
    var usualQuarter: String { vi ? "MỘT QUÝ THƯỜNG LỆ:" : "A USUAL QUARTER:" }
    var seeCommandHelp: String {
        vi ? "Xem '\(Arguments.programName) help COMMAND' để biết các tùy chọn và ví dụ của từng lệnh."
            : "See '\(Arguments.programName) help COMMAND' for a command's options and an example."
    }
    var programAbstract: String {
        vi ? "Tổng hợp báo cáo định kỳ của các đơn vị về Chương trình tên miền \".vn\" và viết báo cáo của Sở Khoa học "
            + "và Công nghệ: kết quả so với mục tiêu của kế hoạch, số liệu theo đơn vị, tình hình thực hiện nhiệm vụ, "
            + "và đơn vị nào báo cáo đúng hạn."
            : "Consolidate the periodic reports that units send on the \".vn\" programme, and write "
            + "the Department of Science and Technology's reports: results against the plan's "
            + "targets, figures by unit, task status, and who reported on time."
    }
}
