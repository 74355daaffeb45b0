import Foundation
import HienDienKit

extension Commands {
    // MARK: - ingest

    func ingest() throws -> Int32 {
        let command = try IngestCommandOptions(arguments)
        // A --feedback that names a file is refused before any report is stored, not after the first refusal.
        let feedback = try command.feedback.map { try outputFolder($0, option: "feedback") }
        let (store, plan) = try openStore(at: path(of: command.store), forWriting: !command.dryRun)
        let options = command.options(today: context.today)
        let ingester = ReportIngester(plan: plan, store: store)
        if console.errorIsTerminal {
            let console = self.console
            let language = self.language
            ingester.progress = { read, total in
                let message = Message.readingProgress(mebibytes: read >> 20, percent: total > 0 ? read * 100 / total : nil)
                console.progress(message.rendered(in: language))
            }
        }
        var failed = 0
        let files = try reportFiles(command.files)
        for file in files {
            do {
                let summary = try ingester.ingest(path: absolute(file), label: file, options: options)
                console.endProgress()
                if let earlier = summary.alreadyStored {
                    console.out(text(.alreadyStored(file: file, on: earlier.ingestedOn, as: earlier.file)))
                    continue
                }
                console.out(text(.ingestSummary(file: file, values: summary.values - summary.withdrawn, units: summary.units, periods: summary.periods,
                                                submissions: summary.submissions, revisions: summary.revisions,
                                                taskReports: summary.taskReports, format: summary.format, dryRun: summary.dryRun, sheet: summary.sheet)))
                if summary.withdrawn > 0 {
                    console.out(text(.valuesWithdrawn(file: file, count: summary.withdrawn, dryRun: summary.dryRun)))
                }
                for warning in summary.warnings { console.err(warning.rendered(in: language)) }
            } catch let error as InputError {
                console.endProgress()
                failed += 1
                console.err(error.rendered(in: language))
                console.err(text(.ingestRefused(file: file, problems: error.diagnostics.count + error.omitted, dryRun: options.dryRun)))
                if let feedback {
                    let paths = try writeFeedback(for: file, error: error, plan: plan, into: feedback)
                    console.err(text(.feedbackWritten(file: file, paths: paths)))
                }
            }
        }
        if files.count > 1 {
            console.err(text(.ingestTotals(stored: files.count - failed, total: files.count, refused: failed, dryRun: options.dryRun)))
        }
        return failed > 0 ? Runner.ExitCode.badInput : Runner.ExitCode.success
    }

    /// Writes the note for a refused file as `DIR/<file>.phan-hoi.md`, `.html` and `.docx`; returns the paths.
    func writeFeedback(for file: String, error: InputError, plan: Plan, into directory: String) throws -> [String] {
        try OutputFiles.makeFolder(directory)
        let sender = ReportSender.read(path: absolute(file), label: file, plan: plan)
        let note = FeedbackNote(plan: plan, file: file, error: error, sender: sender, date: context.today)
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".phan-hoi"
        var written: [String] = []
        for (suffix, content) in [("md", Data(note.markdown().utf8)), ("html", Data(note.html().utf8)), ("docx", note.docx())] {
            let path = (directory as NSString).appendingPathComponent("\(base).\(suffix)")
            try OutputFiles.write(content, to: path)
            written.append(path)
        }
        return written
    }

    /// `folder` made absolute: a folder, or nothing yet (it is made when first written to); a
    /// usage error naming `option` when it is a file.
    func outputFolder(_ folder: String, option: String) throws -> String {
        let path = absolute(folder)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageProblem(.notAFolder(option: option, text: folder))
        }
        return path
    }

    /// The files to ingest: each file as given, and every `.csv`, `.json` and `.xlsx` file in a folder,
    /// in name order (so a revision named after the original is ingested after it).
    func reportFiles(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(argument), isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(argument)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: absolute(argument))
                .filter { name in
                    // `~$…` is the lock file Excel leaves beside an open workbook.
                    !name.hasPrefix(".") && !name.hasPrefix("~$") && [".csv", ".json", ".xlsx"].contains { name.lowercased().hasSuffix($0) }
                }
                .sorted()
            if names.isEmpty { throw UsageProblem(.folderHoldsNoReports(argument)) }
            files += names.map { (argument as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
