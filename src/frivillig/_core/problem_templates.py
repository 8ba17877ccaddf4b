"""The English templates of every problem message, each paired with its Danish template.

``problem_text`` holds the converters the placeholders name, and its ``danish`` matches a
message against these templates in order.
"""

# -- the templates ---------------------------------------------------------------------------

# English template, Danish template. ``{name}`` stands for any text; the part of the name
# before a digit picks the converter in ``problem_text`` (``{shown}``, ``{got2}``), and a
# name without a converter is kept as it is (a value, a number, a code). The first template
# that matches the whole message wins, so a special case comes before the general one.
_TEMPLATES: tuple[tuple[str, str], ...] = (
    # -- reading JSON
    ("expected a JSON object, got {got}", "forventede et JSON-objekt, men fik {got}"),
    (
        "not valid JSON: {json} at line {line}, column {column}",
        "ikke gyldig JSON: {json} på linje {line}, kolonne {column}",
    ),
    ("not valid JSON: {detail}", 'ikke gyldig JSON (Python: "{detail}")'),
    ("the document is nested too deeply", "dokumentet er indlejret for dybt"),
    (
        "{value} is not allowed; JSON numbers must be finite",
        "{value} er ikke tilladt; tal i JSON skal være endelige",
    ),
    (
        "the document is not UTF-8 text (byte {byte} is invalid)",
        "dokumentet er ikke UTF-8-tekst (byte {byte} er ugyldig)",
    ),
    (
        "the document starts with a byte-order mark; remove it",
        "dokumentet begynder med et byte-order mark (BOM); fjern det",
    ),
    (
        "appears more than once in the same object; keep one",
        "optræder mere end én gang i samme objekt; behold én",
    ),
    # -- the limits of a document
    (
        "the document is larger than the limit of {count} {unit} (LoadLimits.max_bytes); "
        "raise the limit to read it",
        "dokumentet er større end grænsen på {count} {unit} (LoadLimits.max_bytes); hæv "
        "grænsen for at læse det",
    ),
    (
        "the line is longer than the limit of {count} {unit} (LoadLimits.max_bytes); it was "
        "skipped, not read whole; raise the limit to read it",
        "linjen er længere end grænsen på {count} {unit} (LoadLimits.max_bytes); den blev "
        "sprunget over og ikke læst hel; hæv grænsen for at læse den",
    ),
    (
        "is {count} characters long; at most {most} are allowed (LoadLimits.max_string_length)",
        "er {count} tegn lang; højst {most} er tilladt (LoadLimits.max_string_length)",
    ),
    (
        "is {count} characters long; at most {most} are allowed",
        "er {count} tegn lang; højst {most} er tilladt",
    ),
    (
        "has a key {count} characters long; at most {most} are allowed "
        "(LoadLimits.max_string_length)",
        "har en nøgle på {count} tegn; højst {most} er tilladt (LoadLimits.max_string_length)",
    ),
    (
        "an object has a key {count} characters long; at most {most} are allowed "
        "(LoadLimits.max_string_length)",
        "et objekt har en nøgle på {count} tegn; højst {most} er tilladt "
        "(LoadLimits.max_string_length)",
    ),
    (
        "is nested more than {count} levels deep (LoadLimits.max_depth)",
        "er indlejret mere end {count} niveauer dybt (LoadLimits.max_depth)",
    ),
    (
        "has {count} {unit}; at most {most} are allowed (LoadLimits.max_items)",
        "har {count} {unit}; højst {most} er tilladt (LoadLimits.max_items)",
    ),
    (
        "an object has {count} members; at most {most} are allowed (LoadLimits.max_items)",
        "et objekt har {count} medlemmer; højst {most} er tilladt (LoadLimits.max_items)",
    ),
    (
        "has more than {count} digits (LoadLimits.max_integer_digits)",
        "har mere end {count} cifre (LoadLimits.max_integer_digits)",
    ),
    (
        "an integer has more than {count} digits (LoadLimits.max_integer_digits)",
        "et heltal har mere end {count} cifre (LoadLimits.max_integer_digits)",
    ),
    (
        "more problems were found; only the first {count} are listed (LoadLimits.max_problems)",
        "der blev fundet flere problemer; kun de første {count} vises (LoadLimits.max_problems)",
    ),
    (
        "holds an unpaired surrogate (such as \\ud800), which is not text; fix the encoding",
        "indeholder et uparret surrogattegn (som \\ud800), som ikke er tekst; ret tegnkodningen",
    ),
    (
        "has a key that holds an unpaired surrogate (such as \\ud800), which is not text; "
        "fix the encoding",
        "har en nøgle, der indeholder et uparret surrogattegn (som \\ud800), som ikke er "
        "tekst; ret tegnkodningen",
    ),
    ("has a key that is {got}, not text", "har en nøgle, der er {got}, ikke tekst"),
    (
        "is a {pytype}, which is not a JSON value",
        "er en {pytype}, som ikke er en JSON-værdi",
    ),
    ("limits must be LoadLimits, got {got}", "limits skal være LoadLimits, men er {got}"),
    # -- the envelope
    (
        "is missing; documents of this release carry {version}",
        "mangler; dokumenter fra denne udgave har {version}",
    ),
    (
        "{version} is newer than this release of frivillig reads ({current}); upgrade frivillig",
        "{version} er nyere, end denne udgave af frivillig kan læse ({current}); opgrader "
        "frivillig",
    ),
    (
        "{version} is not a schema version frivillig has released",
        "{version} er ikke en skemaversion, som frivillig har udgivet",
    ),
    (
        "is missing; say which document this is: one of {choices}",
        "mangler; angiv, hvilket dokument det er, en af: {choices}",
    ),
    (
        "the document holds a {tag}, not a {wanted}",
        "dokumentet er af typen {tag}, ikke {wanted}",
    ),
    ("cannot load a {cls}; use one of {names}", "kan ikke indlæse {cls}; brug en af: {names}"),
    (
        "{cls} is not a top-level type; use one of {names}",
        "{cls} er ikke en dokumenttype; brug en af: {names}",
    ),
    # -- fields and values
    ("is required but missing", "er påkrævet, men mangler"),
    (
        "is not a field of {kind} (the key is not shown: it may be personal data); remove it "
        "or check its spelling (did you mean {close}?)",
        "er ikke et felt i {kind} (nøglen vises ikke: den kan være personoplysninger); fjern "
        "det, eller ret stavningen (mente du {close}?)",
    ),
    (
        "is not a field of {kind} (the key is not shown: it may be personal data); remove it "
        "or check its spelling",
        "er ikke et felt i {kind} (nøglen vises ikke: den kan være personoplysninger); fjern "
        "det, eller ret stavningen",
    ),
    (
        "is not a field of {kind}; remove it or check its spelling",
        "er ikke et felt i {kind}; fjern det, eller ret stavningen",
    ),
    ("key: {message}", "nøgle: {message}"),
    (
        "is missing; it says what the actor is: one of {choices}",
        "mangler; feltet angiver, hvilken slags aktør det er, en af: {choices}",
    ),
    ("expected one of {choices}; got {got}", "forventede en af: {choices}; fik {got}"),
    ("must not be empty or only spaces", "må ikke være tom eller kun mellemrum"),
    ("must not be empty", "må ikke være tom"),
    ("is longer than {count} characters", "er længere end {count} tegn"),
    (
        "is not a valid id: use 1-128 letters, digits, '_', '.', ':' or '-', starting with a "
        "letter or digit",
        "er ikke et gyldigt id: brug 1-128 bogstaver, cifre, '_', '.', ':' eller '-', og "
        "begynd med et bogstav eller et ciffer",
    ),
    ("is not a valid id", "er ikke et gyldigt id"),
    ("key {shown} is not a valid id", "nøglen {shown} er ikke et gyldigt id"),
    ("is not a valid volunteer id", "er ikke et gyldigt id for en frivillig"),
    ("id {shown} is listed twice", "id'et {shown} står to gange"),
    ("id {shown} is used twice", "id'et {shown} er brugt to gange"),
    ("id {shown} is already used by {where}", "id'et {shown} er allerede brugt af {where}"),
    ("is listed twice", "står to gange"),
    ("{shown} is listed twice", "{shown} står to gange"),
    ("key {shown} is used twice", "nøglen {shown} er brugt to gange"),
    ("must be a number, not NaN", "skal være et tal, ikke NaN"),
    ("must be a finite number", "skal være et endeligt tal"),
    ("the number is too large", "tallet er for stort"),
    (
        "{shown} is out of range; expected between {low} and {high}",
        "{shown} er uden for det tilladte område; forventede mellem {low} og {high}",
    ),
    (
        "{shown} is out of range; expected at least {low}",
        "{shown} er uden for det tilladte område; forventede mindst {low}",
    ),
    (
        "{shown} is out of range; expected at most {high}",
        "{shown} er uden for det tilladte område; forventede højst {high}",
    ),
    ("expected at most {high}", "forventede højst {high}"),
    ("{date} is before {field} {other}; {why}", "{date} er før {field} {other}; {why}"),
    (
        "{shown} is not a date in the form 'YYYY-MM-DD'",
        "{shown} er ikke en dato på formen 'YYYY-MM-DD'",
    ),
    ("{shown} is not a real calendar date", "{shown} er ikke en dato, der findes i kalenderen"),
    # -- municipality codes and CVR numbers
    (
        "expected a municipality code as an int such as 101, got {got}; "
        "validate_municipality_code() reads '101' or '0101'",
        "forventede en kommunekode som et heltal (int) som 101, men fik {got}; "
        "validate_municipality_code() læser '101' eller '0101'",
    ),
    (
        "expected a municipality code as an int such as 101, got {got}",
        "forventede en kommunekode som et heltal (int) som 101, men fik {got}",
    ),
    (
        "{shown} is not a 3-digit number; municipality codes run from {low} to {high} "
        "({code} is the region code of {region})",
        "{shown} er ikke et 3-cifret tal; kommunekoderne går fra {low} til {high} ({code} er "
        "regionskoden for {region})",
    ),
    (
        "{shown} is not a 3-digit number; municipality codes run from {low} to {high}",
        "{shown} er ikke et 3-cifret tal; kommunekoderne går fra {low} til {high}",
    ),
    (
        "{shown} is Christiansø (Ertholmene), which is not one of the 98 municipalities: it "
        "lies outside the municipal division and has no municipality or region",
        "{shown} er Christiansø (Ertholmene), som ikke er en af de 98 kommuner: øerne ligger "
        "uden for den kommunale inddeling og har hverken kommune eller region",
    ),
    (
        "{shown} is not one of the 98 municipality codes; frivillig.municipalities() lists them",
        "{shown} er ikke en af de 98 kommunekoder; frivillig.municipalities() viser dem",
    ),
    (
        "{shown} is not a municipality code; expected 3 digits or 4 zero-padded digits, such "
        "as '101' or '0101'",
        "{shown} er ikke en kommunekode; forventede 3 cifre eller 4 cifre med foranstillede "
        "nuller, som '101' eller '0101'",
    ),
    (
        "valid_to {end} is before valid_from {start}",
        "valid_to {end} ligger før valid_from {start}",
    ),
    (
        "{name} ({code}) belongs to no region on {day} in frivillig's municipality table",
        "{name} ({code}) hører ikke til nogen region den {day} i frivilligs kommunetabel",
    ),
    (
        "frivillig's municipality table cannot be read",
        "frivilligs kommunetabel kan ikke læses",
    ),
    (
        "{shown} is empty; a CVR number has {count} digits",
        "{shown} er tom; et CVR-nummer har {count} cifre",
    ),
    (
        "{shown} contains {stray}; a CVR number is stored as 8 digits with no spaces, "
        "separators or 'DK' prefix",
        "{shown} indeholder {stray}; et CVR-nummer gemmes som 8 cifre uden mellemrum, "
        "skilletegn eller 'DK' foran",
    ),
    (
        "{shown} contains {stray}; a CVR number is 8 digits, optionally with spaces and a "
        "'DK' prefix",
        "{shown} indeholder {stray}; et CVR-nummer er 8 cifre, eventuelt med mellemrum og "
        "'DK' foran",
    ),
    (
        "{shown} has {count} {unit}; a CVR number has {length}",
        "{shown} har {count} {unit}; et CVR-nummer har {length}",
    ),
    (
        "{shown} starts with 0; no CVR number starts with 0",
        "{shown} begynder med 0; intet CVR-nummer begynder med 0",
    ),
    (
        "{shown} fails the CVR check digit (modulus 11); check for a mistyped digit",
        "{shown} består ikke CVR-nummerets kontrol (modulus 11); se efter et forkert tastet ciffer",
    ),
    # -- references inside a collaboration
    (
        "{role} {shown} is not a participant of the collaboration",
        "{role} {shown} er ikke part i samarbejdet",
    ),
    (
        "volunteer {shown} is not among the collaboration's volunteers",
        "den frivillige {shown} er ikke blandt samarbejdets frivillige",
    ),
    (
        "goal {shown} is not one of the collaboration's goals",
        "målet {shown} er ikke et af samarbejdets mål",
    ),
    (
        "task {shown} is not one of the collaboration's tasks",
        "opgaven {shown} er ikke en af samarbejdets opgaver",
    ),
    # -- arguments
    (
        "items[{index}] must be a Collaboration or a Portfolio, got {got}; "
        "frivillig.batch.iter_collaborations reads documents and leaves bad ones out",
        "items[{index}] skal være et Collaboration eller et Portfolio, men er {got}; "
        "frivillig.batch.iter_collaborations læser dokumenter og udelader de ugyldige",
    ),
    # -- time logs
    (
        "is {date}, not the first day of a month; a time log covers a calendar month, named "
        "by its first day ({first})",
        "er {date}, som ikke er den første dag i en måned; en timeregistrering dækker en "
        "kalendermåned, angivet ved dens første dag ({first})",
    ),
    (
        "{date} is before the month of start_on {start}; hours are logged from the month the "
        "collaboration starts",
        "{date} er før måneden for start_on {start}; timer registreres fra den måned, "
        "samarbejdet begynder",
    ),
    (
        "a second log for the same volunteer, task {shown} and month {month}; give each "
        "month's hours in one log",
        "endnu en timeregistrering for den samme frivillige, opgaven {shown} og måneden {month}; "
        "angiv hver måneds timer i én timeregistrering",
    ),
    # -- account templates
    (
        "has {count} items; at most {most} are allowed",
        "har {count} punkter; højst {most} er tilladt",
    ),
    (
        "the template is larger than {most} bytes; an account template is a few kilobytes",
        "skabelonen er større end {most} bytes; en skabelon for afrapportering fylder få kilobytes",
    ),
    # -- the model's own rules
    ("keys must be volunteer-management tasks", "nøglerne skal være opgaver i frivilligledelsen"),
    ("keys must be VFI functions", "nøglerne skal være VFI-funktioner"),
    (
        "is out of range; a VFI motive strength is a whole number from 1 to 7",
        "er uden for det tilladte område; styrken af et VFI-motiv er et heltal fra 1 til 7",
    ),
    (
        "is set, but engagement is 'municipality'; leave it empty or engage the volunteer "
        "through the association",
        "er udfyldt, men engagement er 'municipality'; lad feltet være tomt, eller tilknyt den "
        "frivillige gennem foreningen",
    ),
    (
        "is shaped like a CPR number; a volunteer's id must be a pseudonym, never a CPR number",
        "har form som et CPR-nummer; en frivilligs id skal være et pseudonym, aldrig et CPR-nummer",
    ),
    (
        "equals the baseline; a target must differ from where the goal starts",
        "er lig med udgangsværdien; en målværdi skal være forskellig fra målets udgangspunkt",
    ),
    (
        "party {shown} agrees twice; keep one agreement per party",
        "parten {shown} tilslutter sig to gange; behold én tilslutning pr. part",
    ),
    (
        "a municipality's own budget comes from the municipality; leave it empty",
        "en kommunes eget budget kommer fra kommunen; lad feltet være tomt",
    ),
    (
        "a party cannot rate its relation to itself",
        "en part kan ikke vurdere sin relation til sig selv",
    ),
    ("{rater} rates {ratee} twice", "{rater} vurderer {ratee} to gange"),
    (
        "{shown} is not an IANA time zone such as 'Europe/Copenhagen'",
        "{shown} er ikke en IANA-tidszone som 'Europe/Copenhagen'",
    ),
    # -- an evaluation plan's recurrence rule
    (
        "{part} must be a whole number from 1 to {high}, not {shown}",
        "{part} skal være et heltal fra 1 til {high}, ikke {shown}",
    ),
    (
        "{part} is not used in an evaluation plan; use FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
        "BYMONTHDAY, BYDAY and BYSETPOS (and one time of day)",
        "{part} bruges ikke i en evalueringsplan; brug FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, "
        "BYMONTHDAY, BYDAY og BYSETPOS (og ét klokkeslæt)",
    ),
    ("{part} is given twice", "{part} er angivet to gange"),
    (
        "{part} has more than one value; an evaluation plan recurs at most once a day",
        "{part} har mere end én værdi; en evalueringsplan gentages højst én gang om dagen",
    ),
    (
        "BYMONTHDAY and BYDAY together are not used in an evaluation plan; give one of them",
        "BYMONTHDAY og BYDAY bruges ikke sammen i en evalueringsplan; angiv én af dem",
    ),
    (
        "give only the RRULE part (e.g. 'FREQ=YEARLY'); the first date goes in 'first_date'",
        "angiv kun RRULE-delen (fx 'FREQ=YEARLY'); den første dato hører til i 'first_date'",
    ),
    (
        "is not a valid RFC 5545 recurrence rule ({detail}); e.g. 'FREQ=MONTHLY;INTERVAL=6'",
        'er ikke en gyldig gentagelsesregel efter RFC 5545 (dateutil: "{detail}"); fx '
        "'FREQ=MONTHLY;INTERVAL=6'",
    ),
    ("give exactly one RRULE", "angiv præcis én RRULE"),
    (
        "an evaluation plan recurs DAILY, WEEKLY, MONTHLY or YEARLY",
        "en evalueringsplan gentages DAILY, WEEKLY, MONTHLY eller YEARLY",
    ),
    (
        "yields no date within {years} years (e.g. BYMONTH=2;BYMONTHDAY=30); check the BY... parts",
        "giver ingen dato inden for {years} år (fx BYMONTH=2;BYMONTHDAY=30); tjek BY...-delene",
    ),
    (
        "yields no date from the first date {date}: with INTERVAL={interval}, the dates it steps "
        "through never meet its BY... parts; change the first date or the rule",
        "giver ingen dato fra den første dato {date}: med INTERVAL={interval} rammer de datoer, "
        "reglen går igennem, aldrig dens BY...-dele; ændr den første dato eller reglen",
    ),
    (
        "COUNT={count} reaches past the end of the {years}th year after the first date; give "
        "fewer dates or an UNTIL date",
        "COUNT={count} rækker ud over udgangen af år {years} efter den første dato; angiv færre "
        "datoer eller en UNTIL-dato",
    ),
    (
        "is shaped like a CPR number; a role holder's id must be a pseudonym, never a CPR number",
        "har form som et CPR-nummer; en ansvarshavers id skal være et pseudonym, aldrig et "
        "CPR-nummer",
    ),
    (
        "names who holds {task}, but no party holds it in 'responsibilities'; give the party first",
        "angiver, hvem der har {task}, men ingen part har det i 'responsibilities'; angiv "
        "parten først",
    ),
    (
        "is set, but the status is {status}; only an ended collaboration has ended from a status",
        "er udfyldt, men status er {status}; kun et afsluttet samarbejde er afsluttet fra en "
        "status",
    ),
    (
        "a collaboration cannot end from {status}; it ends from exploring, agreeing_goals or "
        "evaluating",
        "et samarbejde kan ikke afsluttes fra {status}; det afsluttes fra exploring, "
        "agreeing_goals eller evaluating",
    ),
    (
        "a municipality does not receive support from itself; leave it empty",
        "en kommune får ikke støtte fra sig selv; lad feltet være tomt",
    ),
    (
        "a party that puts money into the collaboration brings money: add 'money' to its resources",
        "en part, der lægger penge i samarbejdet, bidrager med penge: tilføj 'money' til dens "
        "ressourcer",
    ),
    (
        "is before first_day; a period ends on or after the day it begins",
        "er før first_day; en periode slutter samme dag som eller efter den dag, den begynder",
    ),
    # -- lifecycle transitions
    (
        "a collaboration cannot go from {status} to {wanted}; from {status2} it can go to "
        "{allowed}",
        "et samarbejde kan ikke gå fra {status} til {wanted}; fra {status2} kan det gå til "
        "{allowed}",
    ),
    ("has no goal; agree at least one goal first", "har intet mål; aftal mindst ét mål først"),
    (
        "goal {shown} is not agreed by {parties}; every party must agree to every goal before "
        "the collaboration is active",
        "målet {shown} er ikke tilsluttet af {parties}; alle parter skal tilslutte sig hvert mål, "
        "før samarbejdet er aktivt",
    ),
    (
        "is missing; plan the evaluation before evaluating",
        "mangler; planlæg evalueringen, før der evalueres",
    ),
    (
        "has no evaluation round; hold the round before deciding",
        "har ingen evalueringsrunde; hold runden, før der besluttes",
    ),
    (
        "is missing; record the decision the parties took after the round",
        "mangler; registrér den beslutning, parterne tog efter runden",
    ),
    (
        "give the date the collaboration ends (on=...)",
        "angiv datoen, hvor samarbejdet slutter (on=...)",
    ),
    ("the end date is before the start date", "slutdatoen er før startdatoen"),
    (
        "has no final evaluation; mark the last round final before ending",
        "har ingen afsluttende evaluering; markér den sidste runde som afsluttende (final), før "
        "samarbejdet afsluttes",
    ),
    # -- rules, rulebooks and scores made in code
    (
        "name at least one source behind the rule",
        "angiv mindst én kilde bag reglen",
    ),
    (
        "{shown} is not a reason code: use lower-case words joined by '_', e.g. 'overdue'",
        "{shown} er ikke en årsagskode: brug ord med små bogstaver forbundet med '_', fx 'overdue'",
    ),
    (
        "{shown} is not a setting; use a CheckSettings field or 'extra.<name>'",
        "{shown} er ikke en indstilling; brug et felt i CheckSettings eller 'extra.<name>'",
    ),
    (
        "{shown} is used by two rules; codes and names must be unique",
        "{shown} bruges af to regler; koder og navne skal være entydige",
    ),
    ("a weight is a finite number of 0 or more", "en vægt er et endeligt tal på 0 eller mere"),
    ("at least one weight must be above 0", "mindst én vægt skal være over 0"),
    ("expected a whole number from {low} to {high}", "forventede et heltal fra {low} til {high}"),
    ("expected a number from {low} to {high}", "forventede et tal fra {low} til {high}"),
    # -- instruments and their answers
    ("must be greater than the scale's minimum", "skal være større end skalaens mindsteværdi"),
    (
        "is outside the scale; expected {low} to {high}",
        "ligger uden for skalaen; forventede {low} til {high}",
    ),
    ("is outside the scale", "ligger uden for skalaen"),
    ("has two anchors", "har to skalapunkter"),
    (
        "must be a share above 0 and at most 1, e.g. 0.5",
        "skal være en andel over 0 og højst 1, fx 0.5",
    ),
    (
        "is missing; the instrument has categories, so every factor needs one",
        "mangler; spørgeskemaet har kategorier, så hver faktor skal have en",
    ),
    (
        "category {shown} is not one of the instrument's categories",
        "kategorien {shown} er ikke en af spørgeskemaets kategorier",
    ),
    (
        "item id {shown} is used twice in the instrument",
        "udsagns-id'et {shown} er brugt to gange i spørgeskemaet",
    ),
    ("category {shown} has no factors", "kategorien {shown} har ingen faktorer"),
    (
        "bands must be listed by strictly increasing lower bound",
        "tolkningsgrænserne skal stå i orden efter strengt stigende nedre grænse",
    ),
    (
        "{shown} is not an item of instrument {instrument}",
        "{shown} er ikke et udsagn i spørgeskemaet {instrument}",
    ),
    (
        "instrument {instrument} has no factor {factor}",
        "spørgeskemaet {instrument} har ingen faktor {factor}",
    ),
    ("no factor {factor}", "ingen faktor {factor}"),
    (
        "instrument {shown} is neither built in nor given in the settings",
        "spørgeskemaet {shown} er hverken indbygget eller angivet i indstillingerne",
    ),
    (
        "no built-in instrument {shown}; choose one of {choices}",
        "intet indbygget spørgeskema hedder {shown}; vælg en af: {choices}",
    ),
    (
        "no example named {shown}; choose one of {choices}",
        "intet eksempel hedder {shown}; vælg en af: {choices}",
    ),
    # -- survey answers (frivillig.surveys)
    (
        "round id {shown} is already used by a round of the collaboration; give another round_id",
        "runde-id'et {shown} er allerede brugt af en runde i samarbejdet; angiv et andet round_id",
    ),
    (
        "expected a JSON object from column headers to item ids",
        "forventede et JSON-objekt fra kolonneoverskrifter til udsagns-id'er",
    ),
    (
        "has {count} cells; expected two: the column header and the item id",
        "har {count} celler; forventede to: kolonneoverskriften og udsagnets id",
    ),
    (
        "the file is not UTF-8 text (byte {byte} is invalid); save it as 'CSV UTF-8' in Excel",
        "filen er ikke UTF-8-tekst (byte {byte} er ugyldig); gem den som 'CSV UTF-8' i Excel",
    ),
    ("is not valid CSV ({detail})", 'er ikke gyldig CSV (Python: "{detail}")'),
    (
        "the file has more than {count} rows of answers (LoadLimits.max_items); raise the "
        "limit to read it",
        "filen har mere end {count} rækker med svar (LoadLimits.max_items); hæv grænsen for "
        "at læse den",
    ),
    (
        "has more than {count} columns (LoadLimits.max_items); raise the limit to read it",
        "har mere end {count} kolonner (LoadLimits.max_items); hæv grænsen for at læse den",
    ),
    (
        "the file is not a workbook that can be read (.xlsx); save it again from the "
        "spreadsheet, or export CSV",
        "filen er ikke en projektmappe, der kan læses (.xlsx); gem den igen fra regnearket, "
        "eller eksportér CSV",
    ),
    (
        "the workbook unpacks to more than {count} bytes (16 times LoadLimits.max_bytes); raise "
        "the limit to read it",
        "projektmappen fylder mere end {count} bytes udpakket (16 gange LoadLimits.max_bytes); "
        "hæv grænsen for at læse den",
    ),
    (
        "the file is empty; expected a header row naming the columns",
        "filen er tom; forventede en overskriftsrække, der navngiver kolonnerne",
    ),
    (
        "has {count} cells; the header has only {most}",
        "har {count} celler; overskriftsrækken har kun {most}",
    ),
    (
        "gives the answers to item {shown}, as column {other} does; map one column to each item",
        "giver svarene på udsagnet {shown}, ligesom kolonnen {other} gør; knyt én kolonne til "
        "hvert udsagn",
    ),
    (
        "has no column {shown} naming the party of each respondent; add it or give party_column",
        "har ingen kolonne {shown}, der angiver hver respondents part; tilføj den, eller angiv "
        "party_column",
    ),
    (
        "has no column for item {shown} of instrument {instrument}; add the column (it may be "
        "empty) or map one to it with columns",
        "har ingen kolonne til udsagnet {shown} i spørgeskemaet {instrument}; tilføj kolonnen "
        "(den må være tom), eller knyt en kolonne til det med columns",
    ),
    (
        "is empty; every row needs the id of the responding party",
        "er tom; hver række skal have id'et på den part, der svarer",
    ),
    (
        "party {shown} answered already in row {row}; a round holds one response per party",
        "parten {shown} har allerede svaret i række {row}; en runde har én besvarelse pr. part",
    ),
    (
        "is not a number; expected an answer from {low} to {high} on the scale, or an empty cell",
        "er ikke et tal; forventede et svar fra {low} til {high} på skalaen eller en tom celle",
    ),
    # -- files
    (
        "cannot read documents as {cls}; use one of {names}, or None for any",
        "kan ikke læse dokumenter som {cls}; brug en af: {names}, eller None for alle",
    ),
    ("'today' must be a date, not {got}", "'today' skal være en dato, ikke {got}"),
    (
        "two collaborations would both be written to {path}",
        "to samarbejder ville begge blive skrevet til {path}",
    ),
    ("cannot read the file: {reason}", "kan ikke læse filen: {reason}"),
    ("is a folder, not a file", "er en mappe, ikke en fil"),
    ("{shown} is neither a folder nor a file", "{shown} er hverken en mappe eller en fil"),
    ("is {file}, not a file; it was not opened", "er {file}, ikke en fil; den blev ikke åbnet"),
    (
        "is a symbolic link to a file that does not exist",
        "er et symbolsk link til en fil, der ikke findes",
    ),
    # -- CPR-shaped numbers
    (
        "holds {numbers} shaped like a CPR number (characters {span}); frivillig must not store "
        "CPR numbers: remove it at the source",
        "indeholder {numbers} med form som et CPR-nummer (tegn {span}); frivillig må ikke gemme "
        "CPR-numre: fjern det ved kilden",
    ),
    (
        "holds a number shaped like a CPR number where it cannot be masked (an id or a key); "
        "change it at the source",
        "indeholder et tal med form som et CPR-nummer, hvor det ikke kan maskeres (et id eller "
        "en nøgle); ret det ved kilden",
    ),
    # -- the general forms, last
    ("{shown} is not one of {choices}", "{shown} er ikke en af: {choices}"),
    ("expected {cls} for {name}, got {got}", "forventede {cls} til {name}, men fik {got}"),
    ("expected {expected}, got {got}", "forventede {expected}, men fik {got}"),
    ("expected {expected}", "forventede {expected}"),
)
