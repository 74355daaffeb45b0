/// Rates for the DTI/EBI comparisons: an indicator per 1.000 people, per enterprise, … for every
/// unit with the reference figure, and `TOTAL` as the ratio of the sums over those units.
extension ReportEngine {
    /// value × scale ÷ reference, rounded half up to 4 places in integer arithmetic.
    func rateValue(_ value: Int64, _ reference: Int64, _ rate: Rate) -> Double {
        let scale = Int64(rate.scale)
        let (scaled, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? rounded4(Double(value) * rate.scale / Double(reference)) : exactRatio(scaled, reference)
    }
}
