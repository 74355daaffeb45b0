import HienDienKit

/// Streams the long-form CSV (`unit,period,indicator,value,submitted`) quarter by quarter, unit
/// by unit, indicator by indicator — the order a national consolidation file arrives in,
/// each (unit, period) submission contiguous.
///
/// Flows are small counts that grow slowly over the plan; stocks start at a unit-specific
/// size and never shrink; "… using .vn" stocks are a share of their total that rises from
/// 2–10 % to 35–75 % by the last quarter. Each unit has its own SplitMix64 stream derived
/// from the seed and its position, so its series does not depend on the loop order.
struct ValueWriter {
    let shape: NationalModel.Shape
    let units: [NationalModel.ReportingUnit]
    let seed: UInt64

    /// Writes the file; returns the number of data rows.
    func write(to out: BufferedFileWriter) -> Int {
        let specs = NationalModel.indicators
        let quarters = shape.quarters
        let indicatorCount = specs.count

        // Pre-encoded pieces: "unit," / "period," / "indicator," and the row ending ",DAY\n", where
        // DAY (the submission's date) is the 10th of the quarter's last month: inside its Decree 09
        // window and before the last allowed day, so every submission is on time.
        let unitBytes = units.map { Array(($0.id + ",").utf8) }
        let periodBytes = quarters.map { Array(($0.description + ",").utf8) }
        let indicatorBytes = specs.map { Array(($0.id + ",").utf8) }
        let rowEnds: [[UInt8]] = quarters.map { quarter in
            let month = (quarter.quarter ?? 4) * 3
            return Array(",\(quarter.year)-\(month < 10 ? "0" : "")\(month)-10\n".utf8)
        }

        var rngs = units.indices.map { index in
            var rng = SplitMix64(seed: seed ^ (UInt64(index + 1) &* 0xD6E8_FEB8_6659_FD93))
            _ = rng.next()
            return rng
        }
        // Stock levels and share trajectories, per unit and indicator.
        var level = [Int](repeating: 0, count: units.count * indicatorCount)
        var shareStart = [Double](repeating: 0, count: units.count * indicatorCount)
        var shareEnd = [Double](repeating: 0, count: units.count * indicatorCount)
        for u in units.indices {
            for (i, spec) in specs.enumerated() where spec.overTime == .last {
                let slot = u * indicatorCount + i
                if spec.shareOf != nil {
                    shareStart[slot] = 0.02 + 0.08 * rngs[u].fraction()
                    shareEnd[slot] = 0.35 + 0.40 * rngs[u].fraction()
                } else {
                    let scale = spec.scale[units[u].kind.rawValue]
                    level[slot] = scale == 0 ? 0 : scale / 2 + rngs[u].upTo(scale)
                }
            }
        }

        out.write("unit,period,indicator,value,submitted\n")
        var rows = 0
        let lastQuarter = max(1, quarters.count - 1)
        for (q, period) in periodBytes.enumerated() {
            let progress = Double(q) / Double(lastQuarter)
            for u in units.indices {
                let kind = units[u].kind.rawValue
                for (i, spec) in specs.enumerated() {
                    let slot = u * indicatorCount + i
                    let value: Int
                    switch (spec.overTime, spec.shareOf) {
                    case (.sum, _):
                        let scale = spec.scale[kind] * (20 + q) / 20
                        value = rngs[u].upTo(2 * scale)
                    case (.last, let total?):
                        let share = shareStart[slot] + (shareEnd[slot] - shareStart[slot]) * progress
                        let totalLevel = level[u * indicatorCount + total]
                        let target = Int(Double(totalLevel) * share)
                        level[slot] = min(totalLevel, max(level[slot], target))
                        value = level[slot]
                    case (.last, nil):
                        if q > 0, level[slot] > 0 {
                            level[slot] += rngs[u].upTo(level[slot] / 25 + 1)
                        }
                        value = level[slot]
                    }
                    out.write(unitBytes[u])
                    out.write(period)
                    out.write(indicatorBytes[i])
                    out.write(decimal: value)
                    out.write(rowEnds[q])
                    rows += 1
                }
            }
        }
        return rows
    }
}
