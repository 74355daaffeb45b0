import Foundation

/// Finds Vietnamese written without its diacritics ("khong duoc" for "không được"), which a
/// clerk reads with difficulty and a signed document must never carry. The catalogue's tests
/// run every Vietnamese message through it.
public enum DiacriticsCheck {
    /// Words that Vietnamese text written without its marks gives away.
    /// (Only words that are never right without their marks: "ngay", "thang", "cua" are words too.)
    public static let unaccented = ["khong", "duoc", "bao cao", "don vi", "chi tieu", "gia tri", "ke hoach", "nhiem vu",
                             "hoac", "phai", "truoc", "lenh", "tuy chon", "thu muc", "so lieu", "loi", "dong",
                             "cot", "tep", "sua", "hien", "chua", "den", "nhung", "tinh trang"]  // not "dung": "nội dung"

    /// The unaccented words found in `text` (whole words, any case); file and folder names such as
    /// `cong-van` or `bieu-mau/` are names, not prose, and are skipped.
    public static func unaccentedWords(in text: String) -> [String] {
        let prose = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            .filter { !$0.contains("-") && !$0.contains("/") && !$0.contains("_") && !$0.contains("'") && !$0.contains("`") }
            .map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            .joined(separator: " ")
        return unaccented.filter { word in
            prose == word || prose.hasPrefix(word + " ") || prose.hasSuffix(" " + word) || prose.contains(" \(word) ")
        }
    }
}
