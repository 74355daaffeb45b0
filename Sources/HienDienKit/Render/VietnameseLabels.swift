/// The Vietnamese words human reports use for statuses and unit types.
public enum VietnameseLabels {
    public static func status(_ status: TargetStatus) -> String {
        switch status {
        case .achieved: "Đạt"
        case .onTrack: "Đúng tiến độ"
        case .behind: "Chậm tiến độ"
        case .notAchieved: "Không đạt"
        case .noData: "Chưa có số liệu"
        }
    }

    public static func submission(_ status: SubmissionStatus) -> String {
        switch status {
        case .onTime: "Đúng hạn"
        case .late: "Trễ hạn"
        case .missing: "Chưa báo cáo"
        case .pending: "Chưa đến hạn"
        }
    }

    public static func task(_ state: TaskState) -> String {
        switch state {
        case .done: "Hoàn thành"
        case .inProgress: "Đang thực hiện"
        case .notStarted: "Chưa triển khai"
        case .overdue: "Quá hạn"
        }
    }

    public static func taskStatus(_ status: TaskStatus) -> String {
        switch status {
        case .done: "hoàn thành"
        case .inProgress: "đang thực hiện"
        case .notStarted: "chưa triển khai"
        }
    }

    /// The plural heading for a unit type ("Sở, ban, ngành"); unknown types are shown as written.
    public static func unitType(_ type: String) -> String {
        switch type {
        case "department": "Sở, ban, ngành"
        case "district": "UBND cấp huyện (trước 07/2025)"
        case "commune": "UBND xã, phường, đặc khu"
        case "university": "Trường đại học"
        case "college": "Trường cao đẳng, trường nghề"
        case "school": "Trường trung cấp, phổ thông"
        case "youth_union": "Đoàn Thanh niên"
        case "mass_org": "Mặt trận, đoàn thể"
        case "media": "Cơ quan báo chí, truyền thông"
        case "association": "Hiệp hội, liên minh hợp tác xã"
        case "telecom": "Doanh nghiệp viễn thông, nhà đăng ký tên miền"
        case "office": "Phòng, đơn vị trực thuộc"
        case "ministry": "Bộ, cơ quan trung ương"
        case "province": "Tỉnh, thành phố"
        case "agency": "Cơ quan, đơn vị khác"
        default: type
        }
    }

    public static func warning(_ warning: DataWarning, unitName: String, indicatorName: String) -> String {
        let value = VietnameseFormat.number(warning.value), reference = VietnameseFormat.number(warning.reference)
        let earlier = warning.referencePeriod.map { VietnameseFormat.shortPeriod($0) } ?? ""
        switch warning.kind {
        case .numeratorAboveDenominator:
            return "\(unitName): \(indicatorName) (\(value)) lớn hơn mẫu số (\(reference)) — đề nghị kiểm tra lại."
        case .stockFell:
            return "\(unitName): \(indicatorName) giảm từ \(reference) (\(earlier)) xuống \(value) (\(VietnameseFormat.shortPeriod(warning.period))) — số liệu tích lũy không nên giảm."
        case .jump:
            return "\(unitName): \(indicatorName) \(VietnameseFormat.shortPeriod(warning.period)) là \(value), gấp 10 lần trở lên so với \(earlier) (\(reference)) — đề nghị xác minh."
        case .annualMismatch:
            return "\(unitName): \(indicatorName) báo cáo năm \(warning.period.year) là \(value), khác tổng các quý (\(reference))."
        }
    }
}
