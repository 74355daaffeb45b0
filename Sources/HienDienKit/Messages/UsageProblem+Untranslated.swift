extension UsageProblem {
    /// A problem worded in English only, until its words are added to `Message` (so that code
    /// written before the catalogue still builds); `MessageCatalogueTests` fails while any source
    /// outside `Messages/` uses it.
    public init(_ english: String) { self.init(.untranslated(english)) }
}
