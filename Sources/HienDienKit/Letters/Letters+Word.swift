import Foundation

// The letters as Word documents, converted from their HTML like `report.docx`, so the analyst
// can edit, number and sign them in Word before sending them.

extension FeedbackNote {
    /// The note as a `.docx` (Decree 30 page setup), from `html()`.
    public func docx() -> Data { Data(WordDocument.make(fromHTML: html())) }
}

extension ReminderLetter {
    /// The letter as a `.docx` (Decree 30 page setup), from `html()`.
    public func docx() -> Data { Data(WordDocument.make(fromHTML: html())) }
}
