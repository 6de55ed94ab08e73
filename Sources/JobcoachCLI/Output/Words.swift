import JobcoachCore

/// The words for the product's enumerations in text and HTML output, in Dutch and English:
/// never a raw code (`follow-up-lighter`, `package-2`) where a person reads. JSON and CSV keep
/// the codes.
enum Words {
  static func level(_ level: GuidanceLevel, _ language: Language) -> String {
    switch (level, language) {
    case (.light, .en): "light"
    case (.medium, .en): "medium"
    case (.light, .nl): "licht"
    case (.medium, .nl): "midden"
    }
  }

  static func package(_ package: CoachingPackage, _ language: Language) -> String {
    switch (package, language) {
    case (.trialPlacement, .en): "trial placement"
    case (.package0, .en): "package 0"
    case (.package1, .en): "package 1"
    case (.package2, .en): "package 2"
    case (.trialPlacement, .nl): "proefplaatsing"
    case (.package0, .nl): "pakket 0"
    case (.package1, .nl): "pakket 1"
    case (.package2, .nl): "pakket 2"
    }
  }

  static func result(_ result: PeriodResult, _ language: Language) -> String {
    switch (result, language) {
    case (.worksWithoutCoaching, .en): "works without coaching"
    case (.followUpLighter, .en): "works, follow-up on a lighter regime"
    case (.followUpSame, .en): "works, follow-up on the same regime"
    case (.followUpHeavier, .en): "works, follow-up on a heavier regime"
    case (.worksUnderEmployerGuidance, .en): "works under the guidance of the employer"
    case (.noLongerWorking, .en): "no longer working"
    case (.worksWithoutCoaching, .nl): "werkt zonder begeleiding"
    case (.followUpLighter, .nl): "werkt, vervolg met lichtere begeleiding"
    case (.followUpSame, .nl): "werkt, vervolg met dezelfde begeleiding"
    case (.followUpHeavier, .nl): "werkt, vervolg met zwaardere begeleiding"
    case (.worksUnderEmployerGuidance, .nl): "werkt onder begeleiding van de werkgever"
    case (.noLongerWorking, .nl): "werkt niet meer"
    }
  }

  static func absence(_ reason: AbsenceReason, _ language: Language) -> String {
    switch (reason, language) {
    case (.sick, .en): "sick"
    case (.holiday, .en): "on holiday"
    case (.sick, .nl): "ziek"
    case (.holiday, .nl): "met vakantie"
    }
  }

  static func funder(_ funder: Funder, _ language: Language) -> String {
    switch (funder, language) {
    case (.municipality, .en): "the municipality"
    case (.uwv, _): "UWV"
    case (.municipality, .nl): "de gemeente"
    }
  }

  static func kind(_ kind: CoachKind, _ language: Language) -> String {
    switch (kind, language) {
    case (.municipal, .en): "municipal coach"
    case (.internal, .en): "internal coach"
    case (.external, .en): "external coach"
    case (.municipal, .nl): "gemeentelijke jobcoach"
    case (.internal, .nl): "interne jobcoach"
    case (.external, .nl): "externe jobcoach"
    }
  }

  /// The protocol's goal categories (P-1), as the seed names them in Dutch.
  static func category(_ category: GoalCategory, _ language: Language) -> String {
    switch (category, language) {
    case (.introducingWorker, .en): "introducing the worker"
    case (.structuringWork, .en): "structuring the work"
    case (.onboardingAndTraining, .en): "onboarding and training"
    case (.resolvingDisruptions, .en): "detecting and resolving disruptions"
    case (.guidingOnTheJob, .en): "guiding the worker on the job"
    case (.homeSituation, .en): "guiding in the home situation (work-related)"
    case (.guidingSupervisor, .en): "guiding the direct supervisor"
    case (.evaluationAndCoordination, .en): "evaluation and coordination"
    case (.introducingWorker, .nl): "introduceren van de werknemer"
    case (.structuringWork, .nl): "structureren van het werk"
    case (.onboardingAndTraining, .nl): "inwerken en trainen van de werknemer"
    case (.resolvingDisruptions, .nl): "opsporen en verhelpen van storingen"
    case (.guidingOnTheJob, .nl): "begeleiden van de werknemer op het werk"
    case (.homeSituation, .nl): "begeleiding in de thuissituatie (werkgerelateerd)"
    case (.guidingSupervisor, .nl): "begeleiden van de direct leidinggevende"
    case (.evaluationAndCoordination, .nl): "evaluatie en afstemming"
    }
  }

  static func party(_ party: PlanParty, _ language: Language) -> String {
    switch (party, language) {
    case (.coach, .en): "coach"
    case (.worker, .en): "worker"
    case (.employer, .en): "employer"
    case (.coach, .nl): "jobcoach"
    case (.worker, .nl): "werknemer"
    case (.employer, .nl): "werkgever"
    }
  }
}
