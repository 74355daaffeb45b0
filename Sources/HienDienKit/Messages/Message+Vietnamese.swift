extension Message {
    /// The message in plain administrative Vietnamese, with full diacritics.
    var vietnamese: String {
        typealias F = VietnameseFormat
        switch self {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        case .hint: return "cách sửa"
        case .moreProblemsNotShown(let count): return "… và \(count) lỗi khác chưa liệt kê."

        case let .ingestRefused(file, problems, dryRun):
            return dryRun
                ? "\(file): tệp sẽ bị từ chối (\(problems) lỗi); đây là chạy thử, không lưu gì."
                : "\(file): tệp bị từ chối (\(problems) lỗi); không lưu số liệu nào từ tệp này."
        case let .ingestTotals(stored, total, refused, dryRun):
            return dryRun
                ? "Chạy thử: \(stored)/\(total) tệp sẽ được lưu, \(refused) tệp sẽ bị từ chối; chưa lưu gì."
                : "Đã lưu \(stored)/\(total) tệp, từ chối \(refused) tệp."
        case let .planRefused(files, problems):
            return "\(Self.list(files)): kế hoạch không hợp lệ (\(problems) lỗi); cơ sở dữ liệu không được tạo hay thay đổi."
        case .formNotWritten(let problems): return "Chưa ghi biểu mẫu (\(problems) lỗi)."
        case .reportNotWritten(let problems): return "Chưa ghi tệp báo cáo nào (\(problems) lỗi)."
        case .reportIncomplete(let problems):
            return "Báo cáo chưa được ghi đầy đủ (\(problems) lỗi); các tệp ghi trước khi gặp lỗi có thể đã thay đổi. Hãy chạy lại lệnh sau khi khắc phục."
        case let .inputRefused(files, problems): return "Từ chối \(Self.list(files)) (\(problems) lỗi)."
        case .storeUnusable(let detail): return "không sử dụng được cơ sở dữ liệu: \(detail)"
        case .storeUnusableHint:
            return "kiểm tra --db có chỉ đúng tệp cơ sở dữ liệu của hiendien (không phải tệp khác) và ổ đĩa còn chỗ trống; lệnh `hiendien check` kiểm tra tình trạng của tệp."
        case .internalError(let detail):
            return "lỗi nội bộ của chương trình (xin báo cho người phát triển, kèm lệnh đã chạy): \(detail)"

        case .storeHasNoPlan(let path):
            return "\(path): cơ sở dữ liệu chưa có kế hoạch. Hãy chạy `hiendien init --plan PLAN.json --db \(path)` trước."
        case let .storeNewerSchema(path, found, supported):
            return "\(path): cơ sở dữ liệu do phiên bản hiendien mới hơn tạo ra (lược đồ \(found), phiên bản này chỉ đọc được đến \(supported)). Hãy dùng phiên bản mới hơn."
        case let .storeHoldsOtherPlan(path, stored, given):
            return "\(path): cơ sở dữ liệu đang chứa kế hoạch '\(stored)', không phải '\(given)'. Mỗi kế hoạch dùng một tệp --db riêng."
        case .storeBackupExists(let path):
            return "\(path) đã có sẵn, nên cơ sở dữ liệu chưa được nâng cấp (trước khi nâng cấp, chương trình sao lưu vào đúng tệp này và không bao giờ ghi đè bản sao lưu). Hãy chuyển tệp đó đến nơi an toàn rồi chạy lại lệnh."
        case .storeNotHienDien(let path):
            return "\(path) là tệp SQLite nhưng không phải cơ sở dữ liệu của hiendien; tệp được giữ nguyên, không sửa gì. Hãy chỉ --db đến cơ sở dữ liệu của hiendien, hoặc đặt tên tệp mới khi chạy `hiendien init`. [store.not-hiendien]"
        case let .storeOlderSchema(path, found, supported):
            return "\(path): cơ sở dữ liệu ở phiên bản cấu trúc \(found), chương trình này đọc phiên bản \(supported); lệnh chỉ đọc không nâng cấp nó. Hãy chạy một lần `hiendien init --plan PLAN.json --db \(path)` để nâng cấp (chương trình sao lưu trước khi nâng cấp). [store.older-schema]"
        case let .storeFolderNotWritable(path, folder):
            return "\(path): không mở được cơ sở dữ liệu vì thư mục \(folder) không cho ghi; SQLite cần tạo tệp \(path.split(separator: "/").last.map(String.init) ?? path)-wal và -shm bên cạnh, kể cả khi chỉ đọc. Hãy cấp quyền ghi thư mục cho người dùng này, hoặc chép cơ sở dữ liệu sang thư mục ghi được. [store.folder-read-only]"
        case let .storeDamagedRow(path, table, row, column, text):
            return "\(path): bảng \(table), \(row): không đọc được giá trị '\(text)' ở cột \(column). Hãy chạy `hiendien check --db \(path)`, rồi khôi phục bản sao lưu gần nhất (<db>.v<N>.bak) hoặc nạp lại các tệp gốc vào một cơ sở dữ liệu mới. [store.damaged-row]"
        case let .cannotWrite(path, reason):
            return "không ghi được \(path): \(reason). [output.cannot-write]"
        case let .planWouldOrphanData(file, problems):
            return "\(file): kế hoạch đã sửa sẽ làm các báo cáo đã lưu mất đơn vị hoặc chỉ tiêu của chúng, nên chưa được nạp:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\n  cách sửa: giữ các đơn vị và chỉ tiêu đó trong kế hoạch (đơn vị đã giải thể hoặc sáp nhập thì ghi \"until\"; đơn vị không còn phải báo cáo thì ghi \"reports\": false)."

        case let .notADate(option, text):
            return "--\(option) '\(text)' không phải là ngày: hãy viết theo dạng năm-tháng-ngày, ví dụ 2026-06-18"
        case let .notAFolder(option, text): return "--\(option) '\(text)' không phải là thư mục"
        case .templatesNotFound:
            return "không tìm thấy thư mục Templates (mẫu báo cáo); hãy chỉ rõ bằng --templates DIR hoặc đặt biến môi trường HIENDIEN_TEMPLATES"
        case .sampleDataNotFound:
            return "không tìm thấy thư mục SampleData (dữ liệu mẫu); hãy chạy lệnh trong thư mục mã nguồn hoặc đặt biến môi trường HIENDIEN_SAMPLEDATA"
        case .folderHoldsNoReports(let folder): return "thư mục '\(folder)' không có tệp .csv, .json hay .xlsx nào"
        case .notAFormat(let name):
            return "--format '\(name)' không phải là định dạng: dùng md, html, docx, csv hoặc xlsx, cách nhau bằng dấu phẩy"
        case .excelFormNeedsFile:
            return "biểu mẫu Excel không ghi ra màn hình được: hãy ghi --out TÊN-TỆP.xlsx"
        case .notAFormFormat(let name):
            return "--format '\(name)' không phải là định dạng biểu mẫu: dùng csv hoặc xlsx"
        case .notAPeriod(let text):
            return "'\(text)' không phải là kỳ báo cáo: hãy viết 2026-Q2, 2026, Q2/2026, Quý II/2026 hoặc latest (kỳ gần nhất đã khép sổ)"
        case let .periodOutsidePlan(period, plan, start, end):
            return "\(F.shortPeriod(period)) nằm ngoài thời gian của kế hoạch '\(plan)' (từ \(F.shortDate(start)) đến \(F.shortDate(end)))"
        case let .noQuarterClosedYet(plan, first, closesOn):
            return "chưa có quý nào của kế hoạch '\(plan)' khép sổ số liệu: kỳ số liệu \(F.shortPeriod(first)) kết thúc ngày \(F.shortDate(closesOn)); từ ngày \(F.shortDate(closesOn.adding(days: 1))), 'latest' sẽ là quý này. Trước đó, hãy ghi rõ kỳ, ví dụ --period \(first)"
        case let .latestIsLastQuarter(period, planEnd):
            return "Kế hoạch đã kết thúc ngày \(F.shortDate(planEnd)); 'latest' là quý cuối cùng của kế hoạch: \(F.shortPeriod(period))."
        case let .unitDidNotExist(unit, name, period):
            return "\(name) (\(unit)) không tồn tại trong kỳ \(F.shortPeriod(period)), nên không có biểu mẫu cho kỳ này"
        case .notALanguage(let text): return "--lang '\(text)' không phải là ngôn ngữ: dùng vi (tiếng Việt) hoặc en (tiếng Anh)"
        case .untranslated(let text): return text

        case let .planLoaded(created, path, plan, units, indicators, targets, tasks):
            return "\(created ? "Đã tạo" : "Đã cập nhật") \(path) với kế hoạch '\(plan)': \(units) đơn vị, \(indicators) chỉ tiêu số liệu, \(targets) mục tiêu, \(tasks) nhiệm vụ."

        case let .readingProgress(mebibytes, percent):
            return "đang đọc… \(mebibytes) MiB" + (percent.map { " (\($0) %)" } ?? "")
        case let .ingestSummary(file, values, units, periods, submissions, revisions, taskReports, format, dryRun, sheet):
            let periodList = periods.map { F.shortPeriod($0) }.joined(separator: ", ")
            return "\(file): \(dryRun ? "sẽ lưu" : "đã lưu") \(values) số liệu của \(units) đơn vị cho \(periodList) — \(submissions) báo cáo, \(revisions) bản sửa đổi, \(taskReports) mục nhiệm vụ [\(Self.formatName(format))\(sheet.map { ", trang tính “\($0)”" } ?? "")]"
        case let .valuesWithdrawn(file, count, dryRun):
            return "\(file): \(dryRun ? "sẽ rút lại" : "đã rút lại") \(count) số liệu báo cáo trước đây; các số liệu này không còn được tính."
        case let .alreadyStored(file, day, earlier):
            return "\(file): tệp này đã được lưu ngày \(F.shortDate(day)) (tệp \(earlier)); không lưu lại lần nữa. Nếu đơn vị sửa số liệu, hãy nhận tệp đã sửa."
        case let .feedbackWritten(file, paths):
            return "\(file): đã viết thư phản hồi gửi đơn vị: \(paths.joined(separator: ", "))"

        case let .formWrittenXLSX(file, unit, period):
            return "Đã ghi \(file): biểu mẫu Excel của \(unit) cho \(F.shortPeriod(period)); điền cột 'Giá trị' (và 'Ngày gửi'), rồi chạy `hiendien ingest \(file)`"
        case let .formWritten(file, unit, period):
            return "Đã ghi \(file): biểu mẫu của \(unit) cho \(F.shortPeriod(period)); điền cột 'giá trị' và 'ngày gửi', rồi chạy `hiendien ingest \(file)`"

        case let .statusHeading(plan, period, due, asOf):
            return "\(plan) — \(F.shortPeriod(period)): hạn gửi báo cáo là hết ngày \(F.shortDate(due)); tình hình đến ngày \(F.shortDate(asOf))"
        case .statusColumnUnit: return "Mã đơn vị"
        case .statusColumnStatus: return "Tình trạng"
        case .statusColumnReceived: return "Ngày nhận"
        case .statusColumnDaysLeft: return "Còn (ngày)"
        case .statusColumnName: return "Tên đơn vị"
        case .submissionStatus(let status): return VietnameseLabels.submission(status)
        case let .statusTotals(reported, expected, onTime, missing, pending):
            return "Đã báo cáo \(reported)/\(expected) đơn vị, \(onTime) đơn vị đúng hạn; \(missing) đơn vị chưa báo cáo (đã quá hạn), \(pending) đơn vị chưa đến hạn."
        case let .letterWritten(paths, forms, formsFolder):
            return "Đã viết dự thảo công văn đôn đốc: \(paths.joined(separator: ", ")); kèm \(forms) biểu mẫu trống trong \(formsFolder)"
        case .letterNothingToChase(let period):
            return "Mọi đơn vị đã gửi báo cáo \(F.shortPeriod(period)); không cần công văn đôn đốc, nên không ghi tệp nào."

        case let .storeHealthy(path, plan, periods):
            return "\(path): dữ liệu nguyên vẹn (kiểm tra toàn vẹn đạt, khóa ngoại đạt, các lần sửa đổi khớp nhau)"
                + (plan.map { "; kế hoạch '\($0)', \(periods) kỳ đã có báo cáo" } ?? "") + "."
        case .storeProblem(let text): return "vấn đề: \(text)"
        case .storeUnreadable(let detail): return "không đọc được tệp như một cơ sở dữ liệu hiendien: \(detail)"
        case let .storeProblemsFound(path, count):
            return "\(path): phát hiện \(count) vấn đề; hãy khôi phục bản sao lưu gần nhất (<db>.v<N>.bak) hoặc nạp lại các tệp báo cáo gốc vào một cơ sở dữ liệu mới."

        case let .demoPlanDone(plan, files, values, reports, asOf):
            return "\(plan): đã nạp \(files) tệp (\(values) số liệu), ghi \(reports) tệp báo cáo, tình hình đến ngày \(F.shortDate(asOf))"
        case .demoFileRefused(let file): return "\(file): tệp bị từ chối"
        case .demoDone(let out): return "Các báo cáo nằm trong \(out)/<kế hoạch>/<kỳ>/ (mở report.html bằng trình duyệt)."

        case let .unknownCommand(name, suggestion):
            return "Không có lệnh '\(name)'." + (suggestion.map { " Có phải là lệnh '\($0)'?" } ?? "")
        case let .unknownOption(option, suggestion):
            return "Không có tùy chọn '\(option)'." + (suggestion.map { " Có phải là '\($0)'?" } ?? "")
        case let .optionOfOtherCommands(option, command, owners):
            return "Lệnh '\(command)' không nhận '\(option)'; tùy chọn này dùng với lệnh \(Self.list(owners, and: "và"))."
        case .missingOptions(let names):
            let quoted = names.map { "'\($0)'" }
            return quoted.count == 1
                ? "Thiếu tùy chọn bắt buộc \(quoted[0])."
                : "Thiếu các tùy chọn bắt buộc \(Self.list(quoted, and: "và"))."
        case .missingValue(let option): return "Thiếu giá trị cho '\(option)'."
        case let .flagTakesNoValue(flag, value): return "Tùy chọn '--\(flag)' không nhận giá trị, nhưng lại có '\(value)'."
        case .optionGivenTwice(let name): return "Tùy chọn '--\(name)' chỉ được ghi một lần."
        case .unexpectedArgument(let text): return "Thừa tham số '\(text)'."
        case .missingArgument(let name): return "Thiếu tham số '\(name)'."
        case .commandGoesFirst(let line): return "Tên lệnh phải đứng đầu: '\(line)'."
        case .missingCommandBefore(let text): return "Thiếu tên lệnh trước '\(text)'."
        case .usageLine(let usage): return "cách dùng: \(usage)"
        case .seeHelp(let command): return "Xem '\(command)' để biết thêm."

        case let .dataChecksCounted(period, asOf, count):
            return count == 0
                ? "Kiểm tra số liệu \(F.shortPeriod(period)) (tính đến ngày \(F.shortDate(asOf))): không phát hiện số liệu bất thường."
                : "Kiểm tra số liệu \(F.shortPeriod(period)) (tính đến ngày \(F.shortDate(asOf))): có \(count) điểm số liệu cần đối chiếu với đơn vị trước khi trình ký:"
        case let .dataCheck(warning, unitName, indicatorName):
            return "  - " + VietnameseLabels.warning(warning, unitName: unitName, indicatorName: indicatorName)
        case .dataChecksNotShown(let count): return "  … và \(count) điểm khác."
        case .dataChecksListedIn(let period):
            return "Danh sách đầy đủ nằm trong tệp data-check.md, được ghi cạnh báo cáo khi chạy `hiendien report --period \(period)` (tài liệu nội bộ của cán bộ tổng hợp, không gửi kèm báo cáo)."
        case .planInStore(let id): return "kế hoạch '\(id)'"
        case let .sqliteFailure(code, message):
            // SQLite's own words are English: its primary codes are explained, any other is quoted.
            let meaning: String? = switch code & 0xFF {
            case 5: "tệp đang được một chương trình khác ghi; hãy chờ chương trình đó xong rồi chạy lại"
            case 8: "tệp chỉ cho phép đọc, không ghi được"
            case 10: "lỗi đọc, ghi trên ổ đĩa"
            case 11: "tệp cơ sở dữ liệu bị hỏng"
            case 13: "ổ đĩa đã đầy"
            case 14: "không mở được tệp"
            case 26: "tệp không phải là cơ sở dữ liệu SQLite"
            default: nil
            }
            return (meaning ?? "SQLite báo: \(message)") + " (mã lỗi SQLite \(code))"
        }
    }

    /// "a, b và c".
    static func list(_ items: [String], and word: String = "và") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }

    /// What an ingest summary calls a file's layout.
    static func formatName(_ format: String) -> String {
        switch format {
        case "csv-long": "CSV dạng dọc"
        case "csv-wide": "CSV dạng ngang"
        case "json": "JSON"
        case "xlsx-long": "Excel dạng dọc"
        case "xlsx-wide": "Excel dạng ngang"
        default: format
        }
    }
}
