import JobcoachCore
import JobcoachStore

extension English {
  func failure(_ error: CLIError) -> String {
    switch error {
    case .inputMissing(let path, let reason): "cannot read '\(path)': \(trouble(reason))"
    case .badDocuments(let problems, let dropped):
      "\(count(problems.count + dropped, "problem", "problems")) in the input; nothing was written"
    case .badInput(let message, _): message
    case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
    }
  }

  func trouble(_ trouble: InputTrouble) -> String {
    switch trouble {
    case .noSuchFile: "no such file or directory"
    case .cannotList: "cannot list the directory"
    case .cannotOpen: "cannot open the file"
    case .notRegularFile: "not a regular file (a directory, pipe, socket or device)"
    case .notReadable: "not readable"
    }
  }

  func failure(_ error: StoreError) -> String {
    switch error {
    case .registryMissing(let path):
      "no registry at '\(path)'; create one with 'jobcoach init --db \(path)'"
    case .notARegistry(let path, let reason):
      "'\(path)' is not a jobcoach registry or is damaged: \(reason)"
    case .newerSchema(let path, let found, let known):
      "the registry '\(path)' has schema version \(found), newer than this jobcoach knows "
        + "(\(known)); use a newer jobcoach, it is not changed"
    case .cannotCreate(let path, let reason): "cannot create the registry '\(path)': \(reason)"
    case .database(let path, let error): "registry '\(path)': \(error)"
    case .busy(let path, let seconds):
      "the registry '\(path)' is busy: another program held it for "
        + "\(count(seconds, "second", "seconds")) and nothing was written; try again, or wait "
        + "longer with --wait SECONDS"
    case .importRejected(let problems):
      "the import was rejected with \(count(problems.count, "problem", "problems"))"
    }
  }
}
