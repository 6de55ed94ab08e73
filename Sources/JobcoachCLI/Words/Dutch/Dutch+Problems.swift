import JobcoachCore

extension Dutch {
  /// Wat er mis is op één plek van een document.
  func problem(_ reason: ProblemReason) -> String {
    switch reason {
    case .unreadable: "het bestand kon niet worden gelezen"
    case .utf16: "het bestand is UTF-16, geen UTF-8"
    case .secondByteOrderMark: "een tweede byte order mark; een bestand begint met hoogstens één"
    case .emptyFile: "het bestand is leeg"
    case .noJSONValue: "het bestand bevat geen JSON-waarde"
    case .textAfterValue: "onverwachte tekst na de JSON-waarde"
    case .unexpectedEnd(nil): "onverwacht einde van het bestand"
    case .unexpectedEnd(.object?): "onverwacht einde van het bestand in een object"
    case .unexpectedEnd(.array?): "onverwacht einde van het bestand in een lijst"
    case .unexpectedEnd(.escape?): "onverwacht einde van het bestand in een \\u-escape"
    case .unexpectedCharacter(let character): "onverwacht teken '\(character)'"
    case .invalidLiteral(let literal): "ongeldige waarde, verwacht '\(literal)'"
    case .nestingTooDeep(let depth): "dieper genest dan \(depth) niveaus"
    case .expectedMemberName: "verwacht een veldnaam tussen dubbele aanhalingstekens"
    case .duplicateMember(let name): "veldnaam \(memberName(name)) komt twee keer voor"
    case .expectedColon(let name): "verwacht ':' na veldnaam \(memberName(name))"
    case .expectedCommaOrEnd(let container): "verwacht ',' of '\(container == .array ? "]" : "}")'"
    case .invalidNumber(nil): "ongeldig getal"
    case .invalidNumber(.leadingZero?): "ongeldig getal: voorloopnul"
    case .invalidNumber(.noDigitAfterPoint?): "ongeldig getal: geen cijfer na '.'"
    case .invalidNumber(.noDigitInExponent?): "ongeldig getal: geen cijfer in de exponent"
    case .numberTooLong: "getal langer dan 64 tekens"
    case .invalidUTF8: "een tekst die geen geldige UTF-8 is"
    case .controlCharacter: "een stuurteken in een tekst"
    case .unterminatedString: "tekst zonder afsluitend aanhalingsteken"
    case .loneSurrogate: "een losse surrogaat in een \\u-escape"
    case .invalidUnicodeEscape: "ongeldige \\u-escape"
    case .invalidEscape(let character): "ongeldige escape '\\\(character)'"
    case .invalidHexDigit: "ongeldig hexadecimaal cijfer in een \\u-escape"
    case .valueTooLarge(let bytes):
      "één waarde langer dan \(English().size(bytes)); geen record of veld dat jobcoach leest is "
        + "zo groot"
    case .notValidJSON(let reason): "geen geldige JSON: \(problem(reason))"
    case .missingField(let key): "verplicht veld '\(key)' ontbreekt"
    case .missingKind(let kinds): "verplicht veld 'kind' ontbreekt (een van \(quoted(kinds)))"
    case .notAnImportedDocument(let kinds):
      "dit is geen document dat jobcoach inleest; 'kind' is een van \(quoted(kinds))"
    case .notForCommand(let kind, let command, let reads):
      "dit is een '\(kind)'-document; '\(command)' leest alleen "
        + list(reads.map { "'\($0)'" }, "en") + " (gebruik 'jobcoach import' voor de andere)"
    case .unknownSchemaVersion(let version, let kind, let supported):
      "schemaversie \(version) van '\(kind)'-documenten kent deze jobcoach niet (hij leest "
        + supported.map(String.init).joined(separator: ", ") + ")"
    case .nullField(let key): "'\(key)' mag niet null zijn"
    case .unknownField(let key): "onbekend veld '\(key)'"
    case .wrongType(let expected, let found): "verwacht \(self.expected(expected)), gevonden: \(type(found))"
    case .notAWholeNumber(let kind, let number):
      "verwacht een geheel getal, gevonden: " + (number.map { "het getal \($0)" } ?? type(kind))
    case .notWholeMinutes(let text, let below, let above):
      "\(text) is geen geheel aantal minuten: \(number(below)) (\(below.clockText)) of "
        + "\(number(above)) (\(above.clockText))"
    case .malformedID:
      "een id is 1 tot 64 letters, cijfers, '.', '_' of '-', en begint met een letter of cijfer"
    case .textTooLong(let length): "tekst langer dan \(length) tekens"
    case .emptyText: "mag niet leeg zijn"
    case .citizenServiceNumber: Self.citizenServiceNumber
    case .memberNameCitizenServiceNumber: "een veldnaam " + Self.citizenServiceNumber
    case .notACalendarDate(let text):
      "\(text.map { "'\($0)'" } ?? "een tekst") is geen kalenderdatum (JJJJ-MM-DD, een dag die "
        + "bestaat)"
    case .dateBeyondLatest(let text): "\(text) \(Self.beyondLatest)"
    case .hoursAsText: "uren als tekst schrijf je als \"U:MM\" (zoals \"80:59\"), minuten 00 tot 59"
    case .negativeHours(let text): "uren mogen niet negatief zijn, gevonden: \(text)"
    case .hoursNotDecimal(let text): "uren zijn een gewoon decimaal getal zoals 12.5, gevonden: \(text)"
    case .hoursAndMinutes(let hours, let minutes): "geef '\(hours)' of '\(minutes)', niet allebei"
    case .negativeMinutes(let minutes): "minuten mogen niet negatief zijn, gevonden: \(minutes)"
    case .tooManyMinutes(let minutes): "meer minuten dan het register bewaart, gevonden: \(minutes)"
    case .missingHours(let hours, let minutes):
      "verplicht veld '\(hours)' (of '\(minutes)') ontbreekt"
    case .frameworkVersion: "verwacht een erkenningskader als jaartal, zoals \"2016\""
    case .oneOf(let choices): "verwacht een van \(quoted(choices))"
    case .reminderStage:
      "verwacht een herinneringsmoment zoals \"6m\", \"12w\" of \"30d\" (1 tot en met 999)"
    case .negativeAmount(let text): "een bedrag mag niet negatief zijn, gevonden: \(text)"
    case .endsBeforeStart(let span, let end, let start):
      "\(self.span(span)) eindigt (\(date(end))) voordat die begint (\(date(start)))"
    case .judgedBeforeSubmitted(let judged, let submitted):
      "beoordeeld (\(date(judged))) voordat het is ingediend (\(date(submitted)))"
    case .decisionWithoutBookings: "een besluit noemt ten minste één urenregel"
    case .grantWithoutPeriods: "een toekenning heeft ten minste één halfjaarperiode (F-2)"
    case .zeroHourBooking: "een urenregel van 0 uur schrijft niets; laat die weg"
    case .bookingOverOneDay(let hours):
      "een urenregel gaat over één dag: ten hoogste 24 uur, gevonden: \(hours)"
    case .withWhomWithoutContact:
      "zeg alleen bij een contact met wie ('contact': 'visit' of 'call')"
    case .reportOnOtherActivity: "alleen rapportage-uren horen bij een verantwoordingsrapportage"
    case .shareOutOfRange(let share): "een aandeel is 0 tot en met 100 procent, niet \(share)"
    case .employerYearsOutOfRange(let years): "verwacht 1 tot en met 10 jaar, gevonden: \(years)"
    case .zeroExemption: "een vrijstelling van 0 uur per week is geen vrijstelling; laat die weg"
    case .belongsInAssignment(let key): "met 'assignments' hoort '\(key)' binnen een inzet"
    case .noReminderStages: "geef ten minste één herinneringsmoment, of laat het veld weg"
    case .noRegistersNamed: "noem ten minste één register, of laat de soort weg"
    case .approvedListOnlyForApprovedList:
      "een lijst van organisaties hoort alleen bij beleid 'approved-list'"
    case .approvedListMissing: "beleid 'approved-list' heeft het veld 'approved' nodig"
    case .cycleYearsOutOfRange(let years): "een registratieperiode is 1 tot en met 10 jaar, niet \(years)"
    case .noLoweringEducations:
      "noem ten minste één opleiding waarvan het diploma het aantal uren verlaagt"
    case .monthsOutOfRange(let months): "geef 0 tot en met 60 maanden, niet \(months)"
    case .codeOnFreeActivity: "alleen een geaccrediteerde activiteit heeft een accreditatiecode"
    case .zeroHourActivity: "een activiteit van 0 uur voegt niets toe; laat die weg"
    case .recognitionOnWrongKind(let kind):
      "alleen een jobcoachorganisatie of een zelfstandige jobcoach kan door UWV erkend zijn, "
        + "geen \(organisationKind(kind))"
    case .withdrawnBeforeStart(let withdrawn, let start):
      "de erkenning is ingetrokken (\(date(withdrawn))) voordat die ingaat (\(date(start)))"
    case .expiresBeforeIssued(let expires, let issued):
      "de kwalificatie verloopt (\(date(expires))) voordat die is afgegeven (\(date(issued)))"
    case .reportPeriodBackwards(let end, let start):
      "de verantwoordingsrapportage gaat over een periode die eindigt (\(date(end))) voordat "
        + "die begint (\(date(start)))"
    case .deliveredBeforePeriodEnds(let delivered, let end):
      "ingeleverd (\(date(delivered))) voordat de periode erin eindigt (\(date(end)))"
    case .notARequirement(let rule, let kind, let allowed):
      "'\(rule)' is geen eis voor een \(Words.kind(kind, .nl)); kies uit \(ids(allowed))"
    case .accreditedAboveTotal(let accredited, let total):
      "het geaccrediteerde minimum (\(hours(accredited))) is meer dan het totaal "
        + "(\(hours(total)))"
    case .diplomaHoursAboveAdmission(let hours, let admission):
      "met een diploma zijn de uren (\(self.hours(hours))) ten hoogste de uren voor inschrijving "
        + "(\(self.hours(admission)))"
    case .normRegisterInsideRegister(let id):
      "een norm binnen register '\(id)' hoort bij dat register; laat 'register' weg"
    case .twoNormsOnOneDay(let date):
      "twee normen van dit register gaan in op \(self.date(date))"
    case .activityTwice(let id, let first):
      "activiteit-id '\(id)' komt twee keer voor in dit portfolio (eerst op \(first)); een "
        + "activiteit telt één keer"
    case .insufficientWithoutPoints:
      "een onvoldoende portfoliobeoordeling noemt de verbeterpunten ('improvementPoints')"
    case .statusChangesOutOfOrder(let date, let before):
      "statuswijzigingen staan op datumvolgorde; \(self.date(date)) komt vóór "
        + self.date(before)
    case .publishesOnly(let statuses): "een openbaar register publiceert alleen \(quoted(statuses))"
    case .goalTwice(let goal): "doel '\(goal)' komt twee keer voor in het coachingsplan"
    case .notAnActivity(let named):
      "verwacht een activiteit zoals \(quoted(named)), of een andere activiteit als korte code"
    case .notAnAmount(let kind, let number):
      "verwacht een bedrag in hele eurocenten (270000 voor € 2.700,00), gevonden: "
        + (number.map { "het getal \($0)" } ?? type(kind))
    case .assignmentBeforePlacement(let start, let placementStart):
      "de inzet begint (\(date(start))) vóór de plaatsing (\(date(placementStart)))"
    case .assignmentPastPlacement(let end):
      "de inzet loopt door na het einde van de plaatsing (\(date(end)))"
    case .mainAssignmentsOverlap(let coach, let span):
      "twee inzetten als jobcoach overlappen: die van \(coach) loopt \(interval(span)); een "
        + "wisseling van jobcoach is een nieuwe inzet vanaf de dag na het einde van de vorige"
    case .appearsTwice(let name, let file, let place):
      "\(record(name)) komt twee keer voor in deze import; eerst in \(self.place(file, place))"
    case .unknownRecord(let kind, let id):
      "geen \(recordKind(kind)) met id '\(id)' in deze import of het register"
    case .unknownEducation(let id):
      "geen opleiding met id '\(id)' op de lijst van de beroepsvereniging in deze import of het "
        + "register"
    case .wrongOrganisationKind(let role, let allowed, let id, let found):
      "\(self.role(role)) moet een " + list(allowed.map(organisationKind).sorted(), "of")
        + " zijn; '\(id)' is een \(organisationKind(found))"
    case .bookingOnOtherPlacement(let id, let found, let placement):
      "urenregel '\(id)' hoort bij plaatsing '\(found)', niet bij '\(placement)'"
    case .registerNumberOfOtherCoach(let number, let holder):
      "registernummer '\(number)' hoort bij jobcoach '\(holder)'"
    case .unknownRegisterNumber(let number, let register):
      "niemand heeft registernummer '\(number)' in register \(register) (in deze import of het "
        + "register)"
    case .activityGivenTwice(let id, let coach, let inPortfolio):
      inPortfolio
        ? "jobcoach '\(coach)' heeft activiteit '\(id)' uit het portfolio; een lijst kan niet "
          + "hetzelfde id geven: geef de regel een ander id, of laat hem in een van beide weg"
        : "jobcoach '\(coach)' heeft activiteit '\(id)' uit een lijst (CSV); het portfolio kan "
          + "niet hetzelfde id geven: geef het een ander id, of laat het in een van beide weg"
    case .notAMemberOn(let coach, let register, let date):
      "jobcoach '\(coach)' is op \(self.date(date)) geen lid van register \(register); de "
        + "presentielijst kan geen PE-uren geven"
    case .registerUnsigned:
      "het publieke register is niet ondertekend, dus niets toont wie het publiceerde; vraag de "
        + "vereniging om een ondertekende export ('export public --signed'), of importeer het met "
        + "--allow-unsigned (de audittrail vermeldt dat)"
    case .registerSignatureInvalid:
      "de handtekening van het publieke register klopt niet: het is na ondertekening gewijzigd "
        + "(of het bewijs is beschadigd); er wordt niets van geïmporteerd"
    case .registerIssuerNotSigner(let issuer, let signer):
      "het publieke register noemt uitgever \(issuer) maar is ondertekend door \(signer)"
    case .registerIssuerNotTrusted(let issuer):
      "het publieke register is ondertekend door \(issuer), een uitgever die dit register niet "
        + "vertrouwt; controleer de sleutel bij de vereniging, dan 'jobcoach trust add \(issuer) "
        + "--name NAAM'"
    case .csvNotUTF8:
      "het bestand is geen UTF-8 (waarschijnlijk Latin-1 of Windows-1252); sla het in Excel op "
        + "met 'Opslaan als' en 'CSV UTF-8 (door komma's gescheiden) (*.csv)', in LibreOffice met "
        + "de tekenset 'Unicode (UTF-8)'"
    case .csvTextAfterQuote:
      "tekst na het sluitende aanhalingsteken van een veld; schrijf een aanhalingsteken in een "
        + "veld als twee aanhalingstekens"
    case .csvUnterminatedQuote: "een veld tussen aanhalingstekens is niet gesloten voor het einde"
    case .csvRecordTooLong(let bytes): "een regel langer dan \(bytes) bytes"
    case .csvTooFewFields(let expected, let found):
      "\(count(found, "veld", "velden")) waar de kopregel er \(expected) heeft"
    case .csvTooManyFields(let expected, let found):
      "\(count(found, "veld", "velden")) waar de kopregel er \(expected) heeft"
    case .csvKindNotRecognised(let kinds):
      "de kopregel past bij geen van de tabellen die jobcoach leest (\(quoted(kinds))); "
        + "controleer de kolomnamen, of noem de soort met --kind"
    case .csvUnknownColumn(let kind, let known):
      "geen kolom van \(kind); de kolommen zijn \(known.joined(separator: ", "))"
    case .csvColumnTwice: "deze kolom staat twee keer in de kopregel"
    case .csvMissingColumn(let dutch, _):
      "de kopregel heeft geen kolom '\(dutch)'"
    case .csvEmptyCell: "leeg, en deze kolom moet gevuld zijn"
    case .csvNotADate(let text):
      (text.map { "'\($0)' is" } ?? "dit is") + " geen datum: schrijf 2026-02-01 of 01-02-2026 "
        + "(een dag die bestaat)"
    case .csvNotHours(let text, let decimalComma):
      "'\(text)' is geen aantal uren; schrijf "
        + (decimalComma ? "2,5 (een decimale komma, geen punt)" : "2.5 (een decimale punt, geen komma)")
        + " of 2:30"
    }
  }

  static let citizenServiceNumber =
    "bevat iets dat op een burgerservicenummer (BSN) lijkt; het register bewaart er nooit een, "
    + "gebruik een pseudoniem kenmerk"
  static let beyondLatest =
    "ligt na 31-12-9899, de laatste datum die jobcoach aanneemt (perioden die ervan worden "
    + "berekend moeten nog in de kalender passen)"

  func memberName(_ name: String?) -> String {
    name.map { "'\($0)'" } ?? "(een die op een burgerservicenummer lijkt)"
  }

  func expected(_ value: ExpectedValue) -> String {
    switch value {
    case .object: "een object"
    case .array: "een lijst"
    case .string: "een tekst"
    case .boolean: "true of false"
    case .date: "een datum als \"JJJJ-MM-DD\""
    case .hours: "een aantal uren"
    case .id: "een id als tekst"
    case .ruleID: "een regel-ID zoals \"Q-MUN-1\""
    }
  }

  func type(_ kind: JSONKind) -> String {
    switch kind {
    case .null: "null"
    case .boolean: "een booleaanse waarde"
    case .number: "een getal"
    case .string: "een tekst"
    case .array: "een lijst"
    case .object: "een object"
    }
  }

  func span(_ span: Span) -> String {
    switch span {
    case .employment: "het dienstverband"
    case .assignment: "de inzet"
    case .placement: "de plaatsing"
    case .period: "de periode"
    case .absence: "het verzuim"
    case .recognition: "de erkenning"
    case .accreditation: "de accreditatie"
    }
  }

  func recordKind(_ kind: RecordKind) -> String {
    switch kind {
    case .organisation: "organisatie"
    case .coach: "jobcoach"
    case .placement: "plaatsing"
    case .register: "register"
    case .booking: "urenregel"
    }
  }

  func record(_ name: RecordName) -> String {
    switch name {
    case .organisation(let id): "organisatie-id '\(id)'"
    case .coach(let id): "jobcoach-id '\(id)'"
    case .placement(let id): "plaatsing-id '\(id)'"
    case .portfolio(let coach): "een portfolio van jobcoach '\(coach)'"
    case .membership(let coach, let register):
      "een inschrijving van jobcoach '\(coach)' in register '\(register)'"
    case .registerNumber(let number, let register):
      "registernummer '\(number)' van register '\(register)'"
    case .register(let id): "register-id '\(id)'"
    case .booking(let id): "urenregel-id '\(id)'"
    case .decision(let id): "besluit-id '\(id)'"
    case .publicEntry(let number): "registernummer '\(number)' in een openbaar register"
    case .education(let id): "opleiding-id '\(id)'"
    case .accreditation(let code): "accreditatiecode '\(code)'"
    case .norm(let register, let date):
      "een PE-norm van register '\(register)' die ingaat op \(self.date(date))"
    case .policy(let id, let date): "beleid '\(id)' dat ingaat op \(self.date(date))"
    }
  }

  func role(_ role: OrganisationRole) -> String {
    switch role {
    case .employerOf(let kind): "de werkgever van \(withArticle(kind))"
    case .placementEmployer: "de werkgever van een plaatsing"
    case .placementMunicipality: "de gemeente van een plaatsing"
    case .deliverer: "de organisatie die de begeleiding levert"
    case .policyMunicipality: "de gemeente van een beleid"
    case .approvedOrganisation: "een gecontracteerde organisatie"
    }
  }
}
