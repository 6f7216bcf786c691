// General English news vocabulary the drafter uses to tell what a name is and what a figure
// counts. Data only: no word here belongs to one story.

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Last words of an organization's name ("Ministry of Civil Affairs", "Geological Survey", "Microsoft Corp"). */
export const ORG_HEADS = set(`
  ministry department agency office bureau service services survey center centre council committee commission
  board authority administration observatory institute institution university college school academy foundation
  corporation corp company co inc ltd llc plc group holdings partners bank fund trust association federation union
  league party front movement network news press times post journal tribune herald gazette daily radio television tv
  channel studios studio entertainment games gaming labs court tribunal parliament congress senate assembly cabinet
  government administration headquarters organisation organization alliance coalition mission program programme
  project society club team museum hospital exchange market commission secretariat embassy consulate command agence presse
`);

/** Words that make an organization an armed force. */
export const FORCE_HEADS = set(`
  army navy forces force military police guard guards militia troops brigade battalion regiment corps marines
  commandos gendarmerie
`);

/** Level words taken off a place's name ("Ludian County" is Ludian): not state or republic, which are part of names. */
export const STRIPPED_LEVELS = set(`county province city town township village district prefecture governorate municipality`);

/** Nouns before a name that say it is a body: "the jihadist group Hayat Tahrir al-Sham". */
export const BODY_NOUNS = set(`group organization organisation organizations organisations company firm agency outlet newspaper militia party faction movement network coalition alliance studio publisher maker`);

/** First words that open an organization's name ("Ministry of …", "Bank of …"). */
export const ORG_OPENERS = set(`ministry department bank university office bureau council court institute house`);

/** Level nouns written after or before a place's name, mapped to the fact format's levels. */
export const PLACE_LEVELS: ReadonlyMap<string, string> = new Map([
  ["village", "village"], ["hamlet", "village"], ["township", "town"], ["town", "town"], ["city", "city"],
  ["county", "area"], ["district", "area"], ["prefecture", "area"], ["municipality", "area"], ["area", "area"],
  ["province", "province"], ["governorate", "province"], ["state", "province"], ["region", "region"],
  ["country", "country"], ["republic", "country"], ["kingdom", "country"],
]);

/** Nouns of office; the title a person holds as the articles word it. */
export const OFFICE_NOUNS = set(`
  chief head director leader founder spokesman spokeswoman spokesperson secretary commander official analyst
  expert fellow researcher president minister member chairman chairwoman chair deputy envoy representative
  scholar executive ceo cfo coo cto officer premier governor mayor senator lawmaker judge prosecutor attorney
  ambassador general colonel captain lieutenant sergeant major admiral manager editor correspondent reporter
  professor economist chancellor king queen prince princess emir sheikh pope bishop cardinal vice partner owner
  coach player striker candidate challenger incumbent speaker adviser advisor aide strategist specialist engineer
  student teacher doctor nurse resident survivor witness activist campaigner organizer organiser founder
`);

/** Words that qualify an office ("press secretary", "chief executive", "senior colonel"). */
export const OFFICE_MODIFIERS = set(`
  press chief senior deputy vice executive general foreign prime interior defence defense finance former top
  acting interim assistant associate managing technical operating financial technology army
`);

/** Verbs of saying: a name next to one is a speaker. */
export const SPEECH_VERBS = set(`
  said says told announced stated added reported confirmed claimed declared tweeted wrote posted explained noted
  warned urged insisted argued acknowledged admitted denied
`);

/** Words that start a sentence or a phrase in capitals without naming anything. */
export const NOT_NAME_WORDS = set(`
  the a an and but or in on at of for to by with from as it its he she they we i you this that these those there
  their his her our when while after before since during according however meanwhile earlier later some several
  many most such neither nor both either all no not one two three four five if then than also yet so
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
  related back top exit mobile version articles button update breaking news photo video advertisement story
  continues below read more click here share email send page image images copyright source sources reporting
  editing writing additional follow subscribe sign newsletter watch listen live today yesterday tomorrow
  what who why how where which whose whom each every other another any only just even still now here
  last next first second third new old
`);

/** Outlets a dateline or credit line names: agencies whose name is a short form. */
export const WIRE_OUTLETS: ReadonlyMap<string, string> = new Map([
  ["ap", "AP"], ["afp", "AFP"], ["reuters", "Reuters"], ["xinhua", "Xinhua"], ["upi", "UPI"], ["dpa", "dpa"],
  ["efe", "EFE"], ["ansa", "ANSA"], ["pti", "PTI"], ["ians", "IANS"], ["tass", "TASS"], ["bernama", "Bernama"],
  ["yonhap", "Yonhap"], ["kyodo", "Kyodo"], ["cnn", "CNN"], ["bbc", "BBC"], ["cbs", "CBS"], ["nbc", "NBC"],
  ["abc", "ABC"], ["npr", "NPR"], ["anadolu", "Anadolu"], ["aa", "AA"], ["ani", "ANI"],
]);

/** Words for what was counted that the claim reader does not know, mapped to a measure of the facts. */
export const MEASURE_VERBS: ReadonlyMap<string, string> = new Map([
  ["missing", "missing"], ["unaccounted", "missing"], ["trapped", "trapped"], ["arrested", "arrested"],
  ["detained", "arrested"], ["evacuated", "evacuated"], ["displaced", "displaced"], ["rescued", "rescued"],
  ["hospitalised", "hospitalised"], ["hospitalized", "hospitalised"], ["destroyed", "destroyed"],
  ["damaged", "damaged"], ["collapsed", "destroyed"], ["deployed", "deployed"], ["sent", "deployed"],
  ["affected", "affected"], ["homeless", "homeless"], ["employed", "employees"], ["employs", "employees"],
  ["employees", "employees"], ["votes", "votes"],
  ["voters", "voters"], ["seats", "seats"], ["protesters", "protesters"], ["demonstrators", "protesters"],
  ["jobs", "jobs"], ["users", "users"], ["players", "players"], ["subscribers", "subscribers"],
  ["customers", "customers"], ["passengers", "passengers"], ["tourists", "visitors"], ["visitors", "visitors"],
  ["students", "students"], ["patients", "patients"], ["cases", "cases"], ["infections", "cases"],
  ["houses", "houses"], ["homes", "houses"], ["buildings", "buildings"], ["vehicles", "vehicles"],
  ["cars", "vehicles"], ["flights", "flights"], ["litres", "volume"], ["liters", "volume"], ["tonnes", "weight"],
  ["tons", "weight"],
]);

/** Nouns that name what happened (the head of an event's name). */
export const EVENT_HEADS = set(`
  raid attack strike airstrike bombing explosion blast shooting stabbing assault operation offensive invasion war
  battle clashes fighting protest demonstration rally march riot strike walkout election vote referendum runoff
  poll ballot earthquake quake flood floods storm hurricane typhoon cyclone tornado wildfire fire blaze eruption
  landslide mudslide drought heatwave outbreak epidemic pandemic crash collision derailment accident sinking
  acquisition merger takeover deal purchase sale bid buyout lawsuit trial ruling verdict sentencing arrest
  kidnapping hijacking siege coup ceasefire truce agreement treaty summit meeting visit launch announcement
  closure shutdown layoffs bankruptcy recall spill leak collapse rescue evacuation search investigation inquiry
  probe scandal match game final tournament race concert festival ceremony funeral wedding award
`);

// Which of the vocabulary's concept groups (server/vocabulary/english.json) say what, for telling a
// figure's measure from who is counted: each named by one of its words.

/** Groups that say who or what is counted ("people", "children", "troops", "houses"), not what befell them. */
export const COUNTED_ANCHORS = ["people", "children", "women", "men", "troops", "houses"] as const;

/** Groups of change ("rose", "fell"): a change goes with a measure, it is none itself. */
export const CHANGE_ANCHORS = ["rose", "fell"] as const;

/** The facts' word for a change, by the group's first word. */
export const CHANGE_NAMES: ReadonlyMap<string, string> = new Map([["rose", "rise"], ["fell", "fall"]]);

/** Groups of what befalls people ("killed", "injured", "missing"): a count of them is of people unless the article says whom. */
export const PEOPLE_MEASURE_ANCHORS = ["killed", "injured", "missing", "rescued", "evacuated", "arrested"] as const;

/** Verbs with which a body gives or measures a figure: "the USGS measured it at", "the ministry counted", "figures the ministry released". */
export const CREDITING_VERBS = set(`
  said says told announced reported confirmed stated measured measures recorded records rated rates counted counts
  estimated estimates put puts registered gave gives released releases published publishes tallied
`);

/** Words next to a figure that never say what it measures. */
export const NOT_MEASURES = set(`
  total number figure figures another other others new latest more less further additional extra some several
  many few about around roughly nearly almost least most whole entire overall reported confirmed known
  official officially estimated still already just only even also like
`);

/** Running tallies, by one word of each concept group: their figures change from report to report, the latest holds. */
export const TALLY_ANCHORS = ["killed", "injured", "missing", "rescued", "evacuated", "arrested", "deployed", "cases", "vaccinated", "tested", "collapsed", "damaged", "donations"] as const;

/** Groups whose nouns are themselves what is counted, by one word of each: "122 deaths", "99 seats", "300 cases". */
export const MEASURE_NOUN_ANCHORS = ["votes", "seats", "goals", "cases", "vaccinated", "tested"] as const;

/** Nouns after a number that make it a ratio, not a count: "four times the previous high". */
export const RATIO_NOUNS = set(`times fold`);

/** Groups of what is measured in a unit, by one word of each: no count without one ("lasted", "deep", "magnitude"). */
export const UNIT_MEASURE_ANCHORS = ["duration", "magnitude", "depth", "distance", "long", "high", "wide", "speed", "rainfall", "temperature"] as const;

/** Groups of what befalls things or money, by one word of each: never what people are counted by. */
export const THING_MEASURE_ANCHORS = ["collapsed", "damaged", "price", "premium", "revenue", "profit", "loss", "debt"] as const;

/** Words of a lead too common in news to tie a sentence to one story. */
export const NOT_KEYWORDS = set(`
  people year years percent time times week weeks month months today people's report reports reported reporting
  also would could there their about after before while according including many much more most other others
  first second last next new latest early late former official officials statement told says said
`);
