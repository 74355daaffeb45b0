/// Indicator figures: who counts in a parent unit's subtotal. The rows, the `TOTAL`s, the
/// subtotals and the type totals are summed a unit at a time by `ReportPass`.
extension ReportEngine {
    // MARK: - Subtotals

    /// Members of each parent's subtotal: the parent, its descendants, and units merged into any of them.
    func subtotalMembers() -> [(parent: String, members: [String])] {
        var children: [String: [String]] = [:]
        for unit in plan.units {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
            if let successor = unit.mergedInto { children[successor, default: []].append(unit.id) }
        }
        return plan.units.compactMap { unit in
            guard children[unit.id] != nil else { return nil }
            var members: [String] = [unit.id]
            var seen: Set<String> = [unit.id]
            var queue = children[unit.id] ?? []
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard seen.insert(next).inserted else { continue }
                members.append(next)
                queue += children[next] ?? []
            }
            return (unit.id, members)
        }
    }
}
