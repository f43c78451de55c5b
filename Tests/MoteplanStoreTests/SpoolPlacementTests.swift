import Testing

@testable import MoteplanStore

/// Where `ics` keeps its event texts while it runs: beside the state store, never elsewhere.
struct SpoolPlacementTests {
    @Test(arguments: [
        ("melhus.state.sqlite", "."), ("Config/melhus.state.sqlite", "Config"),
        ("/srv/moteplan/melhus.state.sqlite", "/srv/moteplan"), ("/state.sqlite", "/"),
    ])
    func theSpoolGoesBesideTheStore(store: String, directory: String) {
        #expect(FeedPublication.spoolDirectory(store: store) == directory)
    }
}
