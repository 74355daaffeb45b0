extension Message {
    /// The message in English, for `--lang en` or an English locale.
    var english: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .hint: return "hint"
        case .moreProblemsNotShown(let count): return "… and \(count) more problem(s) not shown."

        case let .ingestRefused(file, problems, _):
            return "\(file): refused (\(problems) problem(s)); nothing was stored from this file."
        case let .ingestTotals(stored, total, refused, dryRun):
            return "\(stored) of \(total) file(s) \(dryRun ? "would be stored" : "stored"), \(refused) refused."
        case let .planRefused(files, problems):
            return "refused: \(Self.list(files, and: "and")) (\(problems) problem(s)); the store was not created or changed."
        case .formNotWritten(let problems): return "no form was written (\(problems) problem(s))."
        case .reportNotWritten(let problems): return "no report file was written (\(problems) problem(s))."
        case .reportIncomplete(let problems):
            return "the report was not written in full (\(problems) problem(s)); files written before the failure may have changed. Run the command again once it is fixed."
        case let .inputRefused(files, problems): return "refused: \(files.joined(separator: ", ")) (\(problems) problem(s))."
        case .storeUnusable(let detail): return "the store could not be used: \(detail)"
        case .storeUnusableHint:
            return "check that --db names a hiendien store (not another file) and that the disk is not full; `hiendien check` tests its health."
        case .internalError(let detail): return "internal error: \(detail)"

        case .storeHasNoPlan(let path):
            return "\(path): the store has no plan yet. Run `hiendien init --plan PLAN.json --db \(path)` first."
        case let .storeNewerSchema(path, found, supported):
            return "\(path): the store was written by a newer hiendien (schema \(found), this one knows \(supported)). Use the newer version."
        case let .storeHoldsOtherPlan(path, stored, given):
            return "\(path): the store holds plan '\(stored)', not '\(given)'. Use another --db for another plan."
        case .storeNotHienDien(let path):
            return "\(path) is an SQLite file but not a hiendien store; it was left untouched. Give --db a hiendien store, or a new file name for `hiendien init`. [store.not-hiendien]"
        case let .storeOlderSchema(path, found, supported):
            return "\(path): the store has schema \(found) and this hiendien reads \(supported); it is not upgraded by a command that only reads. Run `hiendien init --plan PLAN.json --db \(path)` once to upgrade it (a backup is made first). [store.older-schema]"
        case let .storeFolderNotWritable(path, folder):
            return "\(path): the store cannot be opened because its folder \(folder) is not writable; SQLite needs to create \(path.split(separator: "/").last.map(String.init) ?? path)-wal and -shm beside it, even to read. Make the folder writable for this user, or copy the store to a writable folder. [store.folder-read-only]"
        case let .storeDamagedRow(path, table, row, column, text):
            return "\(path): table \(table), \(row): the \(column) '\(text)' cannot be read. Run `hiendien check --db \(path)`, then restore the latest backup (<db>.v<N>.bak) or re-ingest the original files into a new store. [store.damaged-row]"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason). [output.cannot-write]"
        case .storeBackupExists(let path):
            return "\(path) already exists, so the store was not upgraded (an upgrade first backs the store up there and never overwrites a backup). Move that file somewhere safe, then run the command again."
        case let .planWouldOrphanData(file, problems):
            return "\(file): the edited plan would orphan stored reports, so it was not loaded:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\n  hint: keep those units and indicators in the plan (a unit that ended gets \"until\"; one that no longer reports gets \"reports\": false)."

        case let .notADate(option, text): return "--\(option) '\(text)' is not a date: write YYYY-MM-DD, e.g. 2026-06-18"
        case let .notAFolder(option, text): return "--\(option) '\(text)' is not a folder"
        case .templatesNotFound: return "cannot find the Templates folder; pass --templates DIR or set HIENDIEN_TEMPLATES"
        case .sampleDataNotFound: return "cannot find the SampleData folder; run from the repository or set HIENDIEN_SAMPLEDATA"
        case .folderHoldsNoReports(let folder): return "'\(folder)' holds no .csv, .json or .xlsx file"
        case .notAFormat(let name): return "--format '\(name)' is not a format: use md, html, docx, csv or xlsx (comma-separated)"
        case .excelFormNeedsFile: return "an Excel form cannot go to the standard output: give --out FILE.xlsx"
        case .notAFormFormat(let name): return "--format '\(name)' is not a form format: use csv or xlsx"
        case .notAPeriod(let text): return "'\(text)' is not a period: write 2026-Q2, 2026, Q2/2026, Quý II/2026 or latest"
        case let .periodOutsidePlan(period, plan, start, end):
            return "\(period) lies outside plan '\(plan)' (\(start) – \(end))"
        case let .noQuarterClosedYet(plan, first, closesOn):
            return "no quarter of plan '\(plan)' has closed yet: the data window of \(first) ends on \(closesOn); from \(closesOn.adding(days: 1)) on, 'latest' means that quarter. Until then, name the period, e.g. --period \(first)"
        case let .latestIsLastQuarter(period, planEnd):
            return "The plan ended on \(planEnd); 'latest' is its last quarter, \(period)."
        case let .unitDidNotExist(unit, _, period): return "\(unit) did not exist during \(period), so it has no form for it"
        case .notALanguage(let text): return "--lang '\(text)' is not a language: use vi (Vietnamese) or en (English)"
        case .untranslated(let text): return text

        case let .planLoaded(created, path, plan, units, indicators, targets, tasks):
            return "\(created ? "Created" : "Updated") \(path) with plan '\(plan)': \(units) units, \(indicators) indicators, \(targets) targets, \(tasks) tasks."

        case let .readingProgress(mebibytes, percent):
            return "reading… \(mebibytes) MiB" + (percent.map { " (\($0) %)" } ?? "")
        case let .ingestSummary(file, values, units, periods, submissions, revisions, taskReports, format, dryRun, sheet):
            let list = periods.map(\.description).joined(separator: ", ")
            return "\(file): \(dryRun ? "would store" : "stored") \(values) values from \(units) unit(s) for \(list) — \(submissions) submission(s), \(revisions) revision(s), \(taskReports) task report(s) [\(format)\(sheet.map { ", sheet “\($0)”" } ?? "")]"
        case let .valuesWithdrawn(file, count, dryRun):
            return "\(file): \(dryRun ? "would withdraw" : "withdrew") \(count) value(s) reported before; they no longer count"
        case let .alreadyStored(file, day, earlier):
            return "\(file): already stored on \(day) (as \(earlier)); nothing stored again [ingest.already-stored]"
        case let .feedbackWritten(file, paths): return "\(file): wrote a note for the unit: \(paths.joined(separator: ", "))"

        case let .formWrittenXLSX(file, unit, period):
            return "wrote \(file): the Excel form for \(unit) \(period); fill in 'Giá trị' (and 'Ngày gửi'), then `hiendien ingest \(file)`"
        case let .formWritten(file, unit, period):
            return "wrote \(file): the form for \(unit) \(period); fill in 'giá trị' and 'ngày gửi', then `hiendien ingest \(file)`"

        case let .statusHeading(plan, period, due, asOf): return "\(plan) \(period): due \(due) (last allowed day), as of \(asOf)"
        case .statusColumnUnit: return "unit"
        case .statusColumnStatus: return "status"
        case .statusColumnReceived: return "received"
        case .statusColumnDaysLeft: return "days_left"
        case .statusColumnName: return "name"
        case .submissionStatus(let status): return status.rawValue
        case let .statusTotals(reported, expected, onTime, missing, pending):
            return "\(reported) of \(expected) reported, \(onTime) on time; \(missing) missing, \(pending) pending."
        case let .letterWritten(paths, forms, formsFolder):
            return "wrote the draft reminder letter: \(paths.joined(separator: ", ")); with \(forms) blank form(s) in \(formsFolder)"
        case .letterNothingToChase(let period): return "every unit has reported for \(period); no reminder letter is needed, so none was written."

        case let .storeHealthy(path, plan, periods):
            return "\(path): healthy (integrity_check ok, foreign keys ok, revisions consistent)"
                + (plan.map { "; plan '\($0)', \(periods) period(s) with submissions" } ?? "") + "."
        case .storeProblem(let text): return "problem: \(text)"
        case .storeUnreadable(let detail): return "the file cannot be read as a hiendien store: \(detail)"
        case let .storeProblemsFound(path, count):
            return "\(path): \(count) problem(s) found; restore the latest backup (<db>.v<N>.bak) or re-ingest the original files into a new store."

        case let .demoPlanDone(plan, files, values, reports, asOf):
            return "\(plan): \(files) file(s) ingested (\(values) values), \(reports) report file(s) as of \(asOf)"
        case .demoFileRefused(let file): return "\(file): refused"
        case .demoDone(let out): return "Reports are in \(out)/<plan>/<period>/ (open report.html in a browser)."

        case let .unknownCommand(name, suggestion):
            return "Unknown command '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case let .unknownOption(option, suggestion):
            return "Unknown option '\(option)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case let .optionOfOtherCommands(option, command, owners):
            return "'\(command)' does not take '\(option)'; \(Self.list(owners, and: "and")) \(owners.count == 1 ? "does" : "do")."
        case .missingOptions(let names):
            let quoted = names.map { "'\($0)'" }
            return quoted.count == 1
                ? "Missing required option \(quoted[0])."
                : "Missing required options \(quoted.dropLast().joined(separator: ", ")) and \(quoted.last!)."
        case .missingValue(let option): return "Missing value for '\(option)'."
        case let .flagTakesNoValue(flag, value): return "The flag '--\(flag)' takes no value, but '\(value)' was given."
        case .optionGivenTwice(let name): return "The option '--\(name)' can be given only once."
        case .unexpectedArgument(let text): return "Unexpected argument '\(text)'."
        case .missingArgument(let name): return "Missing expected argument '\(name)'."
        case .commandGoesFirst(let line): return "The command goes first: '\(line)'."
        case .missingCommandBefore(let text): return "Missing command before '\(text)'."
        case .usageLine(let usage): return "usage: \(usage)"
        case .seeHelp(let command): return "See '\(command)' for more."

        case let .dataChecksCounted(period, asOf, count):
            return count == 0
                ? "Data checks for \(period) as of \(asOf): none; no figure looks wrong."
                : "Data checks for \(period) as of \(asOf): \(count) figure(s) to check with the units before signing:"
        case let .dataCheck(warning, unitName, indicatorName):
            let earlier = warning.referencePeriod.map(\.description) ?? ""
            switch warning.kind {
            case .numeratorAboveDenominator:
                return "  - \(unitName): \(indicatorName) (\(warning.value)) is above its denominator (\(warning.reference)); please check."
            case .stockFell:
                return "  - \(unitName): \(indicatorName) fell from \(warning.reference) (\(earlier)) to \(warning.value) (\(warning.period)); a cumulative figure should not fall."
            case .jump:
                return "  - \(unitName): \(indicatorName) for \(warning.period) is \(warning.value), ten times or more its \(earlier) figure (\(warning.reference)); please verify."
            case .annualMismatch:
                return "  - \(unitName): \(indicatorName) in the report for the year \(warning.period.year) is \(warning.value), not the sum of its quarters (\(warning.reference))."
            }
        case .dataChecksNotShown(let count): return "  … and \(count) more."
        case .dataChecksListedIn(let period):
            return "Every data check is in data-check.md, which `hiendien report --period \(period)` writes beside the report (for the analyst; never sent with the report)."
        case .planInStore(let id): return "plan '\(id)'"
        case let .sqliteFailure(code, message): return "SQLite error \(code): \(message)"
        }
    }
}
