/// The option every placement command shares.
extension OptionSpec {
  static let policy = OptionSpec.value(
    "--policy", "ID", "the municipal policy (default: the placement's municipality's, else the registry's "
      + "default municipality's, else G4)")
}
