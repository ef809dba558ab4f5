/// The toolkit's version, as `tlumach --version`, report headers and TMX `creationtoolversion` give it.
public enum TlumachVersion {
    public static let current = "0.1.0"
}
