/// A register's id, for example `BvJN`.
public struct RegisterID: RecordIdentifier {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The register of Beroepsvereniging Jobcoaches Nederland, the seed's (003, Box 5.1): the
  /// register of every membership that names none, and of every registry from before registers
  /// were data.
  public static let seedDefault: RegisterID = "BvJN"
}

/// The lower admission threshold a register may grant a coach with a diploma of one of its
/// accredited educations (R-ADM-2 as a register sets it, R-REG-1).
public struct DiplomaAdmission: Hashable, Sendable {
  /// The hours of work experience needed with such a diploma.
  public var hours: Hours
  /// The educations whose diploma lowers the threshold.
  public var educations: [EducationID]

  public init(hours: Hours, educations: [EducationID]) {
    self.hours = hours
    self.educations = educations
  }
}

/// A register of job coaches (R-REG-1; registerjobcoach): its rules are data, so another
/// register needs no code. Admission (R-ADM-1/2), periods and the PE norm (R-RE-2, R-PE-*),
/// and when a period can be renewed (R-RE-3).
public struct Register: Hashable, Sendable {
  public var id: RegisterID
  public var name: String
  /// R-ADM-2: hours of work experience as a jobcoach needed to enter.
  public var admissionHours: Hours
  /// R-ADM-2 with a diploma of an accredited education: fewer hours; nil when the register
  /// grants no such threshold.
  public var diplomaAdmission: DiplomaAdmission?
  /// R-ADM-1: the educations this register recognises, each also on the association's list of
  /// recognised educations on the diploma's date; nil: every education on that list.
  public var recognisedEducations: [EducationID]?
  /// The PE norm's versions; each version's cycle length is the period length (R-RE-2).
  public var norms: PENormHistory
  /// The renewal window and grace period (R-RE-3).
  public var renewal: RenewalTerms

  public init(
    id: RegisterID, name: String, admissionHours: Hours = Hours(wholeHours: 1400),
    diplomaAdmission: DiplomaAdmission? = nil, recognisedEducations: [EducationID]? = nil,
    norms: PENormHistory = .seedDefault, renewal: RenewalTerms = .default
  ) {
    self.id = id
    self.name = name
    self.admissionHours = admissionHours
    self.diplomaAdmission = diplomaAdmission
    self.recognisedEducations = recognisedEducations
    self.norms = norms
    self.renewal = renewal
  }

  /// The seed's register: 1,400 hours to enter (R-ADM-2), every education the association
  /// recognises, five-year periods with 111 hours of PE (R-PE-1..3), a six-month window and
  /// three months' grace.
  public static let seedDefault = Register(
    id: .seedDefault, name: "Register Beroepsvereniging Jobcoaches Nederland")

  /// Whether this register recognises `education` (R-ADM-1), apart from the association's
  /// own recognition dates.
  public func recognises(_ education: EducationID) -> Bool {
    recognisedEducations?.contains(education) ?? true
  }
}

/// Which register a command means, when the caller may leave it out: the one named, else the
/// only candidate (the coach's only membership, or the registry's only register).
public enum RegisterChoice {
  /// The register named, or the only one of `candidates`; throws naming the choice otherwise.
  public static func resolve(
    _ named: RegisterID?, among candidates: [RegisterID], known: [RegisterID]
  ) throws -> RegisterID {
    if let named {
      guard known.contains(named) else { throw UseCaseError.unknownRegister(named, known: known) }
      return named
    }
    let unique = Array(Set(candidates)).sorted()
    guard unique.count == 1 else {
      throw UseCaseError.registerNotChosen(unique.isEmpty ? known.sorted() : unique)
    }
    return unique[0]
  }
}

/// How a register numbers its members: `RJC-00107` after `RJC-00106`.
public enum RegisterNumbering {
  /// The next free number among `numbers` (a register's): the prefix most of them use (the
  /// seed's `RJC-` on a tie or when none has one), one above the highest number with it,
  /// at least five digits.
  public static func next(after numbers: [String]) -> String {
    var highest: [String: Int] = [:]
    var uses: [String: Int] = [:]
    for number in numbers {
      guard let dash = number.lastIndex(of: "-") else { continue }
      let prefix = String(number[...dash])
      let digits = number[number.index(after: dash)...]
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits),
        prefix.dropLast().allSatisfy({ $0.isASCII && $0.isLetter })
      else { continue }
      uses[prefix, default: 0] += 1
      highest[prefix] = max(highest[prefix] ?? 0, value)
    }
    let seed = "RJC-"
    let prefix =
      uses.max {
        ($0.value, $0.key == seed ? 1 : 0, $1.key) < ($1.value, $1.key == seed ? 1 : 0, $0.key)
      }?
      .key ?? seed
    let digits = String((highest[prefix] ?? 0) + 1)
    return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
  }
}
