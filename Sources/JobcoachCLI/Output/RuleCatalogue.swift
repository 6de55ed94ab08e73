import JobcoachCore

/// Every rule the product applies, in Dutch and English, with the source document it comes
/// from and the policy parameters it takes with their defaults (`jobcoach rules`). One file a
/// translator or reviewer reads; the rules' logic lives in `JobcoachCore`, cited by the same
/// IDs.
enum RuleCatalogue {
  /// A source document, by the seed it is.
  enum Source: String, CaseIterable, Sendable {
    case approachNote = "000"
    case codeOfPractice = "001"
    case informationSheet = "002"
    case research = "003"
    case guide = "004"
    case product = "product"

    func name(_ language: Language) -> String {
      switch (self, language) {
      case (.approachNote, _):
        "Aanpak jobcoaching Zaanstreek-Waterland (2016), met de G4-minimumeisen (bijlage 3.4)"
      case (.codeOfPractice, _): "Jobcoach Protocol 's-Hertogenbosch / Weener XL (2023)"
      case (.informationSheet, _): "Informatieblad jobcoaching WSP Rijnmond"
      case (.research, _):
        "Regioplan, Jobcoaches in de sociale werkvoorziening (SBCM, 2014), kader 5.1"
      case (.guide, _): "De Normaalste Zaak, handreiking werkplekondersteuning (2022)"
      case (.product, .nl): "jobcoach: een eigen regel van het product, afgeleid uit de bronnen"
      case (.product, .en): "jobcoach: a rule of the product's own, implied by the sources"
      }
    }
  }

  /// One policy parameter a rule takes, with its default.
  struct Parameter: Sendable {
    let name: String
    let nl: String
    let en: String
  }

  struct Rule: Sendable {
    let id: RuleID
    let source: Source
    let nl: String
    let en: String
    var parameters: [Parameter] = []

    func text(_ language: Language) -> String { language == .nl ? nl : en }
  }

  static func rule(_ id: RuleID) -> Rule? { all.first { $0.id == id } }

  static let all: [Rule] = qualification + register + funding + coachingProtocol + packages

  static let qualification: [Rule] = [
    Rule(
      id: .municipalEmployment, source: .approachNote,
      nl:
        "Een gemeentelijke jobcoach is op de datum in dienst van een gemeente of gemeenschappelijke regeling.",
      en: "A municipal coach is employed by a municipality or joint body on the date."),
    Rule(
      id: .municipalEducation, source: .approachNote,
      nl:
        "Een gemeentelijke jobcoach heeft een hbo-opleiding afgerond of heeft hbo werk- en denkniveau.",
      en: "A municipal coach has completed an hbo education or has hbo working-and-thinking level.",
      parameters: [requirements]),
    Rule(
      id: .municipalTraining, source: .approachNote,
      nl:
        "Een gemeentelijke jobcoach heeft een jobcoachmodule met certificaat of diploma gevolgd, of een incompany-training in de praktijk.",
      en:
        "A municipal coach has followed a jobcoach training module with a certificate or diploma, or an in-company training in practice.",
      parameters: [requirements]),
    Rule(
      id: .externalEmployment, source: .approachNote,
      nl:
        "Een externe jobcoach is op de datum in dienst van een jobcoachorganisatie of werkt als zelfstandige.",
      en:
        "An external coach is employed by a coaching organisation or is self-employed on the date."),
    Rule(
      id: .externalRecognition, source: .approachNote,
      nl:
        "De jobcoachorganisatie van een externe jobcoach is op de datum erkend door UWV (erkenningskader uitvoering persoonlijke ondersteuning) en toont dat aan met een bewijsstuk.",
      en:
        "An external coach's coaching organisation is recognised by UWV on the date (the recognition framework) and proves it with an evidence document.",
      parameters: [
        Parameter(
          name: "minimumRecognitionFramework", nl: "erkenningskader 2016 of later",
          en: "framework 2016 or later"),
        requirements,
      ]),
    Rule(
      id: .internalEmployment, source: .approachNote,
      nl: "Een interne jobcoach is op de datum in dienst van de werkgever van de plaatsing.",
      en: "An internal coach is employed by the placement's employer on the date."),
    Rule(
      id: .internalGuidanceTraining, source: .approachNote,
      nl:
        "Een interne jobcoach heeft een training gevolgd om werknemers met een beperking op de werkplek te begeleiden (bijvoorbeeld Harrie/Buddy).",
      en:
        "An internal coach has followed a training to guide workers with a limitation on the workplace (for example Harrie/Buddy).",
      parameters: [requirements]),
    Rule(
      id: .internalInstructionExperience, source: .approachNote,
      nl: "Een interne jobcoach heeft aantoonbare ervaring met het geven van werkinstructies.",
      en: "An internal coach has demonstrable experience giving work instructions.",
      parameters: [requirements]),
    Rule(
      id: .internalTaskExperience, source: .approachNote,
      nl:
        "Een interne jobcoach heeft ervaring met het werk dat de werknemer doet: een feit van de toewijzing aan deze plaatsing.",
      en:
        "An internal coach has experience with the work the worker does: a fact of the assignment to this placement.",
      parameters: [requirements]),
    Rule(
      id: .internalHoursExemption, source: .approachNote,
      nl:
        "Een interne jobcoach heeft voor deze plaatsing vrijstelling van een deel van de werkuren om te begeleiden.",
      en:
        "An internal coach has an exemption from part of the working hours to coach in this placement.",
      parameters: [requirements]),
    Rule(
      id: .internalCoachingPolicy, source: .approachNote,
      nl:
        "Iedere gemeente bepaalt zelf de kwaliteitseisen voor interne jobcoaches en of zij interne jobcoaching vergoedt.",
      en:
        "Each municipality sets its own requirements for internal coaches and decides whether it funds internal coaching.",
      parameters: [
        Parameter(name: "fundsInternalCoaching", nl: "ja", en: "yes")
      ]),
    Rule(
      id: .externalOrganisationPolicy, source: .guide,
      nl:
        "Voor externe jobcoaches kiest een gemeente: de werkgever kiest vrij, een lijst van gecontracteerde jobcoachorganisaties, of inzet alleen via de gemeente.",
      en:
        "For external coaches a municipality chooses: the employer chooses freely, a list of contracted organisations, or appointment through the municipality only.",
      parameters: [
        Parameter(name: "externalOrganisations", nl: "vrije keuze", en: "free choice")
      ]),
    Rule(
      id: .uwvRecognisedOnly, source: .guide,
      nl:
        "UWV werkt bij externe jobcoaching alleen met jobcoaches van erkende jobcoachorganisaties; voor interne jobcoaching gelden UWV's eigen regels, die niet in de bronnen staan.",
      en:
        "For external coaching UWV works only with coaches of recognised coaching organisations; internal coaching under UWV follows UWV's own rules, not in the sources."
    ),
    Rule(
      id: .registrationRequired, source: .product,
      nl:
        "Een gemeente kan eisen dat een soort jobcoach op de datum in goede orde is ingeschreven in een van de genoemde registers.",
      en:
        "A municipality may require a kind of coach to be registered in good standing in one of the named registers on the date.",
      parameters: [
        Parameter(
          name: "registers", nl: "geen eis; met Q-POL-4 elk register",
          en: "no requirement; with Q-POL-4 any register")
      ]),
    Rule(
      id: .assignment, source: .product,
      nl:
        "Een plaatsing wordt begeleid door toegewezen jobcoaches (hoofdcoach, terugvalcoach), elk met de organisatie die de begeleiding levert, de data en de eigen feiten voor Q-INT-3 en Q-INT-4.",
      en:
        "A placement is coached by assigned coaches (main, stand-in), each with the organisation delivering the coaching, its dates and its own facts for Q-INT-3 and Q-INT-4."
    ),
    Rule(
      id: .policyAtAssignment, source: .product,
      nl:
        "Een toewijzing wordt beoordeeld onder het gemeentelijk beleid dat gold op de begindatum; een latere versie maakt haar niet ongedaan.",
      en:
        "An assignment is judged under the municipal policy in force on its start; a later version does not undo it."
    ),
  ]

  static let register: [Rule] = [
    Rule(
      id: .admissionEducation, source: .research,
      nl: "Inschrijving vraagt een afgeronde jobcoachopleiding die het register erkent.",
      en: "Admission needs a completed jobcoach education the register recognises.",
      parameters: [
        Parameter(
          name: "recognisedEducations", nl: "de lijst van de beroepsvereniging",
          en: "the association's list")
      ]),
    Rule(
      id: .admissionExperience, source: .research,
      nl: "Inschrijving vraagt werkervaringsuren als jobcoach.",
      en: "Admission needs hours of work experience as a jobcoach.",
      parameters: [
        Parameter(name: "admissionHours", nl: "1.400 uur (BvJN)", en: "1,400 hours (BvJN)"),
        Parameter(
          name: "accreditedDiplomaAdmission", nl: "geen lagere drempel", en: "no lower threshold"),
      ]),
    Rule(
      id: .assessment, source: .research,
      nl:
        "Wie eerder is ingeschreven en niet aan de huidige eisen voldoet, levert een portfolio voor beoordeling; onvoldoende: verbeterpunten en een termijn.",
      en:
        "An earlier registrant who does not meet the current requirements is assessed on a portfolio; insufficient: points to improve and a deadline.",
      parameters: [Parameter(name: "--deadline", nl: "zes maanden", en: "six months")]),
    Rule(
      id: .reregistration, source: .research,
      nl:
        "Een registerjobcoach toont iedere registratieperiode aan nog aan de eisen te voldoen (herregistratie).",
      en:
        "A registered coach shows each period that they still meet the requirements (re-registration)."
    ),
    Rule(
      id: .registrationPeriods, source: .product,
      nl:
        "Een inschrijving loopt in registratieperioden van de lengte van de PE-norm, vanaf de inschrijving of de laatste voldoende portfoliobeoordeling.",
      en:
        "A registration runs in periods of the PE norm's length, from the admission or the latest sufficient portfolio assessment.",
      parameters: [Parameter(name: "cycleYears", nl: "5 jaar (BvJN)", en: "5 years (BvJN)")]),
    Rule(
      id: .renewalWindow, source: .product,
      nl:
        "Zonder herregistratie verloopt de inschrijving de dag na het einde van de periode; herregistreren kan vanaf het venster voor het einde en nog in de uitlooptermijn erna.",
      en:
        "Without re-registration the registration lapses the day after the period ends; renewal is possible from the window before the end and in the grace period after it.",
      parameters: [
        Parameter(name: "renewalWindowMonths", nl: "6 maanden", en: "6 months"),
        Parameter(name: "gracePeriodMonths", nl: "3 maanden", en: "3 months"),
      ]),
    Rule(
      id: .suspension, source: .product,
      nl:
        "Een inschrijving kan worden geschorst, met reden en eventueel een einddatum; geschorst is niet in goede orde.",
      en:
        "A registration can be suspended, with a reason and an optional end; suspended is not in good standing."
    ),
    Rule(
      id: .registersAsData, source: .product,
      nl:
        "Er bestaan meer registers, elk met eigen toelatingsuren, opleidingen, periodelengte, PE-norm en termijnen; een jobcoach kan in meer registers staan.",
      en:
        "There are several registers, each with its own admission hours, educations, period length, PE norm and terms; a coach can be in several."
    ),
    Rule(
      id: .peTotal, source: .research,
      nl: "Binnen iedere registratieperiode zijn voldoende PE-uren aantoonbaar.",
      en: "Within each period enough PE hours are demonstrable.",
      parameters: [
        Parameter(name: "totalHours", nl: "111 uur", en: "111 hours"),
        Parameter(name: "practiceHours", nl: "geen", en: "none"),
      ]),
    Rule(
      id: .peAccredited, source: .research,
      nl: "Een deel van die uren is geaccrediteerd door de beroepsvereniging.",
      en: "Part of those hours is accredited by the association.",
      parameters: [Parameter(name: "minimumAccreditedHours", nl: "81 uur", en: "81 hours")]),
    Rule(
      id: .peFree, source: .research,
      nl: "Vrij in te vullen uren tellen tot een maximum mee.",
      en: "Free hours count up to a maximum.",
      parameters: [Parameter(name: "maximumFreeHours", nl: "30 uur", en: "30 hours")]),
    Rule(
      id: .peDemonstrable, source: .product,
      nl:
        "PE-uren tellen als ze aantoonbaar zijn: in de periode en uiterlijk op de datum, met bewijsstuk, en eenmaal.",
      en:
        "PE hours count when demonstrable: in the period and by the date, with evidence, and once."),
    Rule(
      id: .pePractice, source: .product,
      nl: "Praktijkuren tellen naar rato van de dagen die in de periode vallen.",
      en: "Practice hours count pro rata by their days inside the period."),
  ]

  static let funding: [Rule] = [
    Rule(
      id: .fundingMaximum, source: .approachNote,
      nl: "Per begeleidingsniveau een maximale vergoeding per kaderjaar, exclusief btw.",
      en: "Per guidance level a maximum subsidy per framework year, excluding VAT.",
      parameters: [
        Parameter(
          name: "light", nl: "€ 2.700 / € 1.400 / € 1.400", en: "EUR 2,700 / 1,400 / 1,400"),
        Parameter(
          name: "medium", nl: "€ 4.500 / € 2.700 / € 1.400", en: "EUR 4,500 / 2,700 / 1,400"),
      ]),
    Rule(
      id: .halfYearPeriods, source: .approachNote,
      nl:
        "Begeleiding wordt per half jaar toegekend; een half jaar vanaf de 31e loopt tot de laatste dag van de maand als die dag niet bestaat.",
      en:
        "Coaching is granted per half year; a half year from the 31st runs to the month's last day when that day does not exist."
    ),
    Rule(
      id: .fundingDuration, source: .approachNote,
      nl: "Ten hoogste twee jaar, met een eventuele uitloop in een derde jaar.",
      en: "At most two years, with an optional extension into a third."),
    Rule(
      id: .sameFrameworkEveryKind, source: .approachNote,
      nl:
        "Hetzelfde kader geldt voor iedere soort jobcoach; uren van een gemeentelijke jobcoach tellen tegen het interne tarief van de gemeente. Bedragen zijn exclusief btw.",
      en:
        "The same framework applies to every kind of coach; a municipal coach's hours count at the municipality's internal rate. Amounts exclude VAT.",
      parameters: [Parameter(name: "municipalCoachRateCents", nl: "niet ingesteld", en: "not set")]),
    Rule(
      id: .motivatedException, source: .approachNote,
      nl:
        "Met een schriftelijke motivering langer of intensiever begeleiden; het aandeel plaatsingen met zo'n afwijking wordt per gemeente per jaar gevolgd (90-10-regel).",
      en:
        "With a written motivation, longer or more intensive coaching; the share of placements with such a deviation is monitored per municipality per year (90-10 rule).",
      parameters: [Parameter(name: "deviationSharePercent", nl: "10%", en: "10%")]),
    Rule(
      id: .municipalFramework, source: .approachNote,
      nl: "Iedere gemeente stelt haar eigen financiële kader vast; de tabel is de standaard.",
      en: "Each municipality sets its own financial framework; the table is the default."),
    Rule(
      id: .funderDecision, source: .product,
      nl:
        "Uren ter beoordeling bij de financier blijven onbetaald tot een vastgelegd besluit ze accepteert of afwijst.",
      en: "Hours held for the funder stay unpaid until a recorded decision accepts or rejects them."
    ),
  ]

  static let coachingProtocol: [Rule] = [
    Rule(
      id: .coachingPlan, source: .codeOfPractice,
      nl: "Een coachingsplan noemt de doelen, afgesproken door jobcoach, werknemer en werkgever.",
      en: "A coaching plan names the goals, agreed by coach, worker and employer."),
    Rule(
      id: .hoursAttributed, source: .codeOfPractice,
      nl: "Iedere geboekte uur hoort bij een doel of activiteit van het plan.",
      en: "Every booked hour belongs to a goal or activity of the plan."),
    Rule(
      id: .reportingHours, source: .codeOfPractice,
      nl:
        "Ten hoogste een aantal uren per verantwoordingsrapportage; meer ter beoordeling bij de financier.",
      en:
        "At most a number of hours per accountability report; more is at the funder's discretion.",
      parameters: [Parameter(name: "reportingPerReport", nl: "2 uur", en: "2 hours")]),
    Rule(
      id: .nonReimbursable, source: .codeOfPractice,
      nl:
        "Niet declarabel: eigen bedrijfsvoering, reistijd, overdracht, eigen scholing, intervisie, bemiddeling naar ander werk. Andere activiteiten gaan ter beoordeling naar de financier.",
      en:
        "Not reimbursed: own business operations, travel, handover, own training, intervision, mediation to other work. Other activities are held for the funder."
    ),
    Rule(
      id: .absence, source: .codeOfPractice,
      nl:
        "Geen begeleiding tijdens ziekte of vakantie; bij ziekte alleen na schriftelijke instemming van de financier (voor boekingen na de dag van instemming).",
      en:
        "No coaching during sickness or holiday; for sickness only after the funder's written approval (for bookings after its day)."
    ),
    Rule(
      id: .employerCoaching, source: .codeOfPractice,
      nl: "Begeleiding van de werkgever is erop gericht dat die het binnen enkele jaren zelf doet.",
      en: "Coaching the employer aims at the employer doing it alone within some years.",
      parameters: [Parameter(name: "employerCoachingYears", nl: "3 jaar", en: "3 years")]),
    Rule(
      id: .homeSituation, source: .codeOfPractice,
      nl: "Begeleiding in de thuissituatie alleen als die direct werkgerelateerd is.",
      en: "Home-situation coaching only when directly work-related."),
    Rule(
      id: .periodResult, source: .codeOfPractice,
      nl: "Iedere periode eindigt met een resultaat.",
      en: "Each period ends with a result."),
    Rule(
      id: .bookedByAssignedCoach, source: .product,
      nl:
        "Uren zijn alleen declarabel als de jobcoach die ze boekt op die dag aan de plaatsing is toegewezen.",
      en: "Hours are reimbursed only when booked by a coach assigned to the placement on the day."),
  ]

  static let packages: [Rule] = [
    Rule(
      id: .trialPlacementVisits, source: .informationSheet,
      nl: "Proefplaatsing: de jobcoach is bij de start aanwezig en komt gemiddeld wekelijks langs.",
      en:
        "Trial placement: the coach is present at the start and visits about once a week on average."
    ),
    Rule(
      id: .package0Contact, source: .informationSheet,
      nl: "Pakket 0: ieder kwartaal contact met werkgever en werknemer.",
      en: "Package 0: each quarter a contact with employer and worker."),
    Rule(
      id: .package1Visits, source: .informationSheet,
      nl:
        "Pakket 1: gemiddeld één coachingsgesprek per maand, maanden van afwezigheid niet meegerekend.",
      en: "Package 1: on average one coaching visit a month, months of absence left out."),
    Rule(
      id: .package2Visits, source: .informationSheet,
      nl:
        "Pakket 2: gemiddeld twee coachingsgesprekken per maand, maanden van afwezigheid niet meegerekend.",
      en: "Package 2: on average two coaching visits a month, months of absence left out."),
    Rule(
      id: .quarterlySubsidyCheck, source: .informationSheet,
      nl: "De jobcoach controleert ieder kwartaal of de loonkostensubsidie nog goed loopt.",
      en: "The coach checks each quarter whether the wage-cost subsidy still runs right."),
    Rule(
      id: .clusteredTalks, source: .informationSheet,
      nl: "Gesprekken worden geclusterd als een werkgever meer werknemers uit de doelgroep heeft.",
      en: "Talks are clustered when an employer has several workers from the target group."),
  ]

  /// The requirements a policy lists per coach kind; by default the G4 set.
  static let requirements = Parameter(
    name: "requirements", nl: "de G4-minimumeisen", en: "the G4 minimum requirements")
}
