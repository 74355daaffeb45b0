import Foundation
import HienDienKit

// hiendien-gen: writes a national plan (34 provinces × ~124 reporting units) and a
// long-form CSV with every unit's 20 indicators for every quarter, for benchmarks.
// Deterministic: the same arguments give byte-identical files on every machine.

let usage = """
usage: hiendien-gen --out DIR [--provinces 34] [--communes 98] [--years 2026-2030] [--seed 1]
  Writes DIR/national-plan.json and DIR/national-FIRST-LAST.csv (long form:
  unit,period,indicator,value,note) for benchmarking hiendien at national scale.
"""

struct Options {
    var out: String?
    var provinces = 34
    var communes = 98
    var firstYear = 2026
    var lastYear = 2030
    var seed: UInt64 = 1
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("hiendien-gen: \(message)\n".utf8))
    if code == 2 { FileHandle.standardError.write(Data((usage + "\n").utf8)) }
    exit(code)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value(_ name: String) -> String {
        index += 1
        guard index < arguments.count else { fail("\(name) needs a value") }
        return arguments[index]
    }
    func count(_ name: String, _ range: ClosedRange<Int>) -> Int {
        let text = value(name)
        guard let n = Int(text), range.contains(n) else { fail("\(name) must be a whole number in \(range.lowerBound)…\(range.upperBound), got '\(text)'") }
        return n
    }
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--out": options.out = value(argument)
        case "--provinces": options.provinces = count(argument, 1...999)
        case "--communes": options.communes = count(argument, 0...999)
        case "--years":
            let text = value(argument)
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 1, (1900...9998).contains(parts[0]) {
                options.firstYear = parts[0]; options.lastYear = parts[0]
            } else if parts.count == 2, (1900...9998).contains(parts[0]), (parts[0]...9998).contains(parts[1]) {
                options.firstYear = parts[0]; options.lastYear = parts[1]
            } else {
                fail("--years must be YEAR or FIRST-LAST (e.g. 2026-2030), got '\(text)'")
            }
        case "--seed":
            let text = value(argument)
            guard let seed = UInt64(text) else { fail("--seed must be a non-negative whole number, got '\(text)'") }
            options.seed = seed
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            fail("unknown argument '\(argument)'")
        }
        index += 1
    }
    return options
}

func run() {
    let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
    guard let outDir = options.out else { fail("--out DIR is required") }
    let shape = NationalModel.Shape(provinces: options.provinces, communes: options.communes,
                                    firstYear: options.firstYear, lastYear: options.lastYear)
    do {
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    } catch {
        fail("cannot create \(outDir): \(error)", code: 1)
    }

    // The plan: built as a JSONValue, checked by the library's own plan validation, then written.
    let units = NationalModel.reportingUnits(shape)
    let planJSON = NationalModel.plan(shape, units: units)
    let planPath = (outDir as NSString).appendingPathComponent("national-plan.json")
    let plan: Plan
    do {
        plan = try Plan.decode(planJSON, file: planPath)
    } catch {
        fail("generated plan does not validate (a bug in hiendien-gen): \(error)", code: 70)
    }
    do {
        try Data(JSONText.render(planJSON).utf8).write(to: URL(fileURLWithPath: planPath))
    } catch {
        fail("cannot write \(planPath): \(error)", code: 1)
    }
    let reporting = plan.units.filter(\.reports).count
    print("\(planPath): \(plan.units.count) units (\(reporting) reporting), \(plan.indicators.count) indicators, "
          + "\(plan.targets.count) targets, \(plan.tasks.count) tasks")

    // The values, streamed.
    let csvPath = (outDir as NSString).appendingPathComponent("national-\(shape.firstYear)-\(shape.lastYear).csv")
    let started = Date()
    do {
        let writer = try BufferedFileWriter(path: csvPath)
        let rows = ValueWriter(shape: shape, units: units, seed: options.seed).write(to: writer)
        try writer.close()
        let mib = Double(writer.bytesWritten) / 1_048_576
        let seconds = Date().timeIntervalSince(started)
        print("\(csvPath): \(rows) rows, \(writer.bytesWritten) bytes (\(String(format: "%.1f", mib)) MiB), "
              + "\(shape.quarters.count) quarters, written in \(String(format: "%.2f", seconds)) s")
    } catch {
        fail("cannot write \(csvPath): \(error)", code: 1)
    }
}

run()
