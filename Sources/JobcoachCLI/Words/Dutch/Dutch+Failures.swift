import JobcoachCore
import JobcoachStore

extension Dutch {
  func failure(_ error: CLIError) -> String {
    switch error {
    case .inputMissing(let path, let reason): "kan '\(path)' niet lezen: \(trouble(reason))"
    case .badDocuments(let problems, let dropped):
      "\(count(problems.count + dropped, "probleem", "problemen")) in de invoer; er is niets "
        + "opgeslagen"
    case .badInput(_, let dutch): dutch
    case .cannotWrite(let path, let reason): "kan '\(path)' niet schrijven: \(reason)"
    }
  }

  func trouble(_ trouble: InputTrouble) -> String {
    switch trouble {
    case .noSuchFile: "bestand of map bestaat niet"
    case .cannotList: "kan de inhoud van de map niet lezen"
    case .cannotOpen: "kan het bestand niet openen"
    case .notRegularFile: "geen gewoon bestand (een map, pipe, socket of apparaat)"
    case .notReadable: "niet leesbaar"
    }
  }

  func failure(_ error: StoreError) -> String {
    switch error {
    case .registryMissing(let path):
      "geen register op '\(path)'; maak er een met 'jobcoach init --db \(path)'"
    case .notARegistry(let path, let reason):
      "'\(path)' is geen jobcoach-register of is beschadigd: \(reason)"
    case .newerSchema(let path, let found, let known):
      "het register '\(path)' heeft schemaversie \(found), nieuwer dan deze jobcoach kent "
        + "(\(known)); gebruik een nieuwere jobcoach, het register is niet gewijzigd"
    case .cannotCreate(let path, let reason): "kan het register '\(path)' niet maken: \(reason)"
    case .database(let path, let error): "register '\(path)': \(error)"
    case .busy(let path, let seconds):
      "het register '\(path)' is bezet: een ander programma hield het \(count(seconds, "seconde", "seconden")) "
        + "vast en er is niets opgeslagen; probeer het opnieuw, of wacht langer met --wait SECONDEN"
    case .importRejected(let problems):
      "de import is geweigerd met \(count(problems.count, "probleem", "problemen"))"
    }
  }
}
