/// Vietnamese-looking names for the generated units. Real province names (the 34 of July
/// 2025); commune names are made from common place-name syllables, unique within a province.
enum Names {
    /// The 28 provinces and 6 cities (`true` = thành phố trực thuộc trung ương) after the
    /// July 2025 merger.
    static let provinces: [(name: String, isCity: Bool)] = [
        ("Hà Nội", true), ("Huế", true), ("Lai Châu", false), ("Điện Biên", false), ("Sơn La", false),
        ("Lạng Sơn", false), ("Quảng Ninh", false), ("Thanh Hóa", false), ("Nghệ An", false),
        ("Hà Tĩnh", false), ("Cao Bằng", false), ("Tuyên Quang", false), ("Lào Cai", false),
        ("Thái Nguyên", false), ("Phú Thọ", false), ("Bắc Ninh", false), ("Hưng Yên", false),
        ("Hải Phòng", true), ("Ninh Bình", false), ("Quảng Trị", false), ("Đà Nẵng", true),
        ("Quảng Ngãi", false), ("Gia Lai", false), ("Khánh Hòa", false), ("Lâm Đồng", false),
        ("Đắk Lắk", false), ("Hồ Chí Minh", true), ("Đồng Nai", false), ("Tây Ninh", false),
        ("Cần Thơ", true), ("Vĩnh Long", false), ("Đồng Tháp", false), ("Cà Mau", false), ("An Giang", false),
    ]

    /// "tỉnh Thanh Hóa" / "thành phố Hà Nội"; past the 34 real ones, "tỉnh Số 35".
    static func province(_ index: Int) -> (short: String, full: String) {
        if index < provinces.count {
            let p = provinces[index]
            return (p.name, (p.isCity ? "thành phố " : "tỉnh ") + p.name)
        }
        let name = "Số \(index + 1)"
        return (name, "tỉnh " + name)
    }

    static let departments = [
        "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tư pháp",
        "Sở Xây dựng", "Sở Y tế", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra",
        "Văn phòng Ủy ban nhân dân", "Ban Quản lý các khu công nghiệp",
    ]

    static let universities = [
        "Trường Đại học", "Trường Đại học Sư phạm", "Trường Đại học Y Dược", "Trường Đại học Kinh tế",
        "Trường Đại học Kỹ thuật Công nghiệp", "Trường Đại học Nông Lâm", "Trường Đại học Văn hóa, Thể thao và Du lịch",
        "Trường Đại học Công nghệ Thông tin",
    ]

    static let massOrgs = [
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Nông dân", "Hội Liên hiệp Phụ nữ",
    ]

    private static let firstSyllables = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Long", "Thạnh", "Mỹ", "Phước", "Đông",
        "Tây", "Nam", "Bắc", "Trung", "Vĩnh", "Quang", "Hưng", "Thuận", "Xuân", "Hải",
    ]
    private static let secondSyllables = [
        "Lợi", "Phong", "Thịnh", "Hòa", "Lạc", "Sơn", "Thành", "Đức", "Khánh", "Lộc",
        "Tiến", "Hiệp", "Yên", "Định", "Phát",
    ]

    /// A commune or ward name, distinct for distinct `index` within one province (the 300
    /// syllable pairs are visited in a province-specific order; beyond 300 a number is added).
    static func commune(_ index: Int, province: Int) -> String {
        let pairs = firstSyllables.count * secondSyllables.count  // 300, coprime with 37
        let k = (index % pairs * 37 + province * 11) % pairs
        var name = firstSyllables[k % firstSyllables.count] + " " + secondSyllables[k / firstSyllables.count]
        if index >= pairs { name += " \(index / pairs + 1)" }
        // About one in five commune-level units is a ward (phường).
        return (index % 5 == 4 ? "phường " : "xã ") + name
    }
}
