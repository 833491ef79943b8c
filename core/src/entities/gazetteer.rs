//! Compact word lists compiled into the binary: places, organisations, demonyms, titles, given
//! names, and the words that look like names at the start of a sentence but are not.
//!
//! Lists are `|`-separated strings, folded (lower case, no diacritics) and matched against
//! folded text, so they cost a few kilobytes and no parsing at start-up beyond one split.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

const COUNTRIES: &str = "afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|bosnia-herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nepal|netherlands|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|britain|great britain|england|scotland|wales|united states|united states of america|america|uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|korea|vatican";

const PLACES: &str = "belgrade|pristina|mitrovica|novi sad|nis|podgorica|sarajevo|zagreb|ljubljana|skopje|tirana|sofia|bucharest|budapest|vienna|prague|bratislava|warsaw|berlin|paris|london|madrid|lisbon|rome|milan|athens|brussels|amsterdam|rotterdam|the hague|antwerp|hamburg|munich|frankfurt|geneva|zurich|bern|copenhagen|stockholm|oslo|helsinki|dublin|edinburgh|moscow|st petersburg|kyiv|kiev|kharkiv|odesa|odessa|mariupol|crimea|donbas|donetsk|luhansk|minsk|tbilisi|yerevan|baku|ankara|istanbul|tehran|baghdad|damascus|beirut|jerusalem|tel aviv|gaza|west bank|cairo|riyadh|doha|dubai|abu dhabi|kabul|islamabad|new delhi|delhi|mumbai|beijing|shanghai|hong kong|tokyo|seoul|pyongyang|taipei|bangkok|hanoi|jakarta|manila|sydney|melbourne|canberra|washington|new york|los angeles|chicago|boston|san francisco|houston|miami|toronto|ottawa|montreal|vancouver|mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|rio de janeiro|sao paulo|nairobi|lagos|johannesburg|cape town|addis ababa|khartoum|tripoli|tunis|algiers|rabat|europe|asia|africa|north america|south america|latin america|middle east|balkans|the balkans|western balkans|scandinavia|siberia|caucasus|mediterranean|baltic|pacific|atlantic|arctic|gulf|persian gulf|black sea|danube|kremlin|downing street|wall street|silicon valley|capitol hill|utrecht|leiden|delft|gouda|arnhem|breda|zwolle|ghent|liege|brno|texas|california|florida|ohio|virginia|michigan|pennsylvania|new jersey|georgia|arizona|nevada|colorado|iowa|alaska|hawaii|oregon|bavaria|saxony|catalonia|flanders|wallonia|lombardy|manchester|liverpool|birmingham|glasgow|belfast|cardiff|leeds|bristol|oxford|cambridge|yorkshire|lyon|marseille|toulouse|naples|turin|venice|florence|seville|barcelona|valencia|porto|krakow|gdansk|cologne|stuttgart|dresden|leipzig|bonn|strasbourg|luxembourg city|monte carlo|salzburg|graz|split|dubrovnik|mostar|banja luka|tuzla|bijeljina|vojvodina|sandzak|presevo|bujanovac|kragujevac|subotica";

/// International bodies, governments' institutions, news agencies and media, and companies,
/// regulators and sports bodies well known in English-language news: names the model (trained
/// on news of 1996) otherwise takes for people or places ("Yahoo", "Ofcom", "Nokia"). Names
/// that more often stand for someone or somewhere are left out ("Ford", "Chelsea").
const ORGANIZATIONS: &str = "nato|eu|un|kfor|european union|united nations|european commission|european parliament|council of europe|security council|un security council|united nations security council|general assembly|world bank|imf|international monetary fund|who|world health organization|wto|opec|osce|oecd|g7|g20|brics|african union|arab league|asean|red cross|amnesty international|human rights watch|interpol|europol|nasa|fbi|cia|nsa|pentagon|white house|state department|congress|senate|house of representatives|supreme court|federal reserve|ecb|european central bank|bundestag|duma|knesset|kremlin|reuters|afp|ap|associated press|bbc|cnn|rt|tass|ria novosti|bloomberg|al jazeera|partnership for peace|hamas|hezbollah|taliban|isis|al qaeda|wagner|gazprom|google|apple|microsoft|amazon|meta|facebook|twitter|tesla|toyota|volkswagen|siemens|shell|bp|exxon|boeing|airbus|national security council|eulex|unmik|icj|icc|hague tribunal|ohchr|unhcr|unicef|unesco|fifa|uefa|ioc|conservative party|labour party|liberal democrats|yahoo|ibm|intel|oracle|cisco|sony|samsung|nokia|ericsson|motorola|nintendo|sega|hewlett-packard|compaq|xerox|ebay|paypal|netflix|spotify|uber|huawei|alibaba|tencent|baidu|lenovo|vodafone|bt|o2|t-mobile|deutsche telekom|telefonica|verizon|at&t|aol|myspace|youtube|instagram|whatsapp|tiktok|linkedin|nvidia|qualcomm|adobe|openai|spacex|electronic arts|activision|ubisoft|valve|ask jeeves|blackberry|philips|panasonic|toshiba|hitachi|fujitsu|kodak|general motors|gm|chrysler|daimlerchrysler|daimler|mercedes|mercedes-benz|bmw|audi|porsche|fiat|renault|peugeot|citroen|nissan|honda|hyundai|kia|volvo|saab|mg rover|land rover|vauxhall|opel|ferrari|mclaren|chevron|eni|statoil|equinor|rosneft|lukoil|yukos|sibneft|aramco|saudi aramco|petrobras|pemex|edf|centrica|british gas|hsbc|barclays|lloyds|lloyds tsb|natwest|rbs|royal bank of scotland|santander|hbos|ubs|credit suisse|deutsche bank|bnp paribas|societe generale|abn amro|goldman sachs|morgan stanley|jp morgan|jpmorgan|citigroup|citibank|merrill lynch|lehman brothers|bank of america|wells fargo|blackrock|mastercard|american express|nasdaq|nyse|aig|axa|allianz|aviva|berkshire hathaway|freddie mac|fannie mae|walmart|wal-mart|tesco|sainsbury|asda|morrisons|marks & spencer|m&s|woolworths|ikea|h&m|inditex|nike|adidas|reebok|coca-cola|pepsi|pepsico|nestle|unilever|procter & gamble|starbucks|burger king|kfc|heinz|kraft|cadbury|diageo|heineken|carlsberg|l'oreal|gucci|prada|lvmh|british airways|easyjet|ryanair|lufthansa|air france|klm|emirates|qantas|virgin atlantic|eurostar|network rail|pfizer|glaxosmithkline|gsk|astrazeneca|novartis|roche|sanofi|bayer|johnson & johnson|moderna|biontech|itv|channel 4|bskyb|sky|sky news|nbc|cbs|abc news|fox news|msnbc|hbo|disney|walt disney|warner bros|time warner|viacom|news corp|sony bmg|emi|bmg|warner music|universal music|pixar|dreamworks|miramax|mgm|new york times|washington post|wall street journal|financial times|guardian|daily mail|der spiegel|le monde|dpa|xinhua|efe|ansa|itar-tass|interfax|yonhap|kyodo|rte|cbc|euronews|deutsche welle|voice of america|radio free europe|nhk|bafta|ofcom|ofgem|ofwat|ofsted|fsa|competition commission|office of fair trading|bank of england|nhs|crown prosecution service|home office|northern ireland office|scotland office|wales office|serious fraud office|national audit office|office for national statistics|cps|metropolitan police|scotland yard|mi5|mi6|gchq|electoral commission|hmrc|inland revenue|tuc|cbi|sec|fda|ftc|fcc|epa|cdc|faa|federal trade commission|securities and exchange commission|justice department|department of justice|wada|iaaf|fia|itf|wta|atp|rfu|iaea|unaids|world food programme|medecins sans frontieres|msf|oxfam|save the children|greenpeace|transparency international|reporters without borders";

/// Nationality and group words: singular adjectives and plural nouns.
const DEMONYMS: &str = "serbian|serb|serbs|albanian|albanians|kosovar|kosovars|kosovo albanian|american|americans|russian|russians|ukrainian|ukrainians|chinese|indian|indians|european|europeans|western|british|french|german|germans|italian|italians|spanish|dutch|belgian|polish|hungarian|croatian|croat|croats|bosnian|bosnians|bosniak|bosniaks|montenegrin|macedonian|bulgarian|romanian|greek|greeks|turkish|turks|iranian|iranians|iraqi|syrian|syrians|israeli|israelis|palestinian|palestinians|arab|arabs|kurdish|kurds|afghan|pakistani|japanese|korean|canadian|canadians|mexican|brazilian|african|africans|asian|australian|swiss|austrian|swedish|norwegian|danish|finnish|irish|scottish|welsh|english|czech|slovak|slovenian|lithuanian|latvian|estonian|belarusian|georgian|armenian|azerbaijani|saudi|egyptian|libyan|sudanese|nigerian|kenyan|ethiopian|somali|vietnamese|thai|indonesian|filipino|muslim|muslims|christian|christians|orthodox|catholic|catholics|jewish|jews|sunni|shia|democrat|democrats|republican|republicans|socialist|socialists|conservative|conservatives|liberal|liberals|communist|communists|balkan|baltic|nordic|slavic|latin|yugoslav|soviet|north korean|south korean";

/// Words that, before a name, mark a person (titles and roles). Also the heads of role phrases.
const PERSON_TITLES: &str = "president|vice president|prime minister|minister|foreign minister|defence minister|defense minister|interior minister|chancellor|secretary|secretary-general|secretary general|spokesman|spokeswoman|spokesperson|ambassador|envoy|representative|senator|sen.|rep.|congressman|congresswoman|governor|gov.|mayor|general|gen.|lt.|colonel|col.|maj.|capt.|sgt.|admiral|commander|chief|head|leader|chairman|chairwoman|chair|director|ceo|king|queen|prince|princess|pope|patriarch|bishop|judge|justice|prosecutor|lawyer|attorney|professor|prof.|dr.|dr|mr.|mr|mrs.|mrs|ms.|ms|sir|lord|lady|president-elect|premier|deputy|speaker|adviser|advisor|analyst|author|journalist|reporter|correspondent|official|diplomat|mediator|coach|captain|striker|midfielder|defender|goalkeeper|manager|alderman|councillor|councilor|union leader|chief executive|mp|mep|msp";

/// Common given names, for people named without a title, and the short forms news uses
/// ("Steve", "Robbie", "Tony").
const GIVEN_NAMES: &str = "aleksandar|alexander|jens|john|anthony|antony|albin|miroslav|josep|jake|joe|joseph|donald|barack|hillary|vladimir|volodymyr|emmanuel|angela|olaf|boris|rishi|keir|ursula|charles|michel|kaja|josep|antonio|xi|recep|benjamin|mark|mike|michael|david|james|robert|william|richard|thomas|daniel|paul|peter|george|kevin|brian|edward|ronald|timothy|jason|jeffrey|ryan|jacob|gary|nicholas|eric|stephen|jonathan|larry|justin|scott|brandon|frank|gregory|raymond|samuel|patrick|jack|dennis|jerry|tyler|aaron|jose|henry|adam|douglas|nathan|zachary|kyle|walter|harold|carl|jeremy|keith|roger|gerald|ethan|arthur|terry|christian|sean|lawrence|austin|noah|jesse|albert|bryan|billy|bruce|willie|jordan|dylan|alan|ralph|gabriel|roy|juan|wayne|eugene|logan|randy|louis|russell|vincent|philip|bobby|johnny|bradley|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|dorothy|carol|amanda|melissa|deborah|stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|shirley|angela|helen|anna|brenda|pamela|nicole|emma|samantha|katherine|christine|debra|rachel|catherine|carolyn|janet|ruth|maria|heather|diane|virginia|julie|joyce|victoria|olivia|kelly|christina|lauren|joan|evelyn|judith|megan|cheryl|andrea|hannah|martha|jacqueline|frances|gloria|ann|teresa|kathryn|sara|janice|jean|alice|madison|doris|abigail|julia|judy|grace|denise|amber|marilyn|beverly|danielle|theresa|sophia|marie|diana|brittany|natalie|isabella|charlotte|rose|alexis|kayla|ivan|igor|sergei|sergey|dmitry|dmitri|andrei|andrey|alexei|alexey|mikhail|nikolai|yuri|oleg|viktor|victor|vuk|ivica|milorad|ana|dragan|zoran|slobodan|milos|nikola|marko|stefan|luka|hashim|ramush|vjosa|edi|milo|ilir|dritan|fatmir|isa|kurti|jean|pierre|francois|nicolas|marine|jacques|hans|klaus|jurgen|wolfgang|friedrich|heinrich|karl|giorgia|matteo|mario|silvio|giuseppe|pedro|carlos|luis|miguel|javier|manuel|luiz|jair|narendra|rahul|shinzo|fumio|kim|moon|yoon|ali|mohammed|muhammad|ahmed|mahmoud|hassan|hussein|omar|abdullah|bashar|hamad|tamim|salman|recep|mevlut|erdogan|ebrahim|hassan|abbas|yair|naftali|benny|mette|sanna|magdalena|ulf|jonas|dag|lotte|maria|tomas|pieter|eva|joris|sara|karin|andre|ruth|jan|anne|piet|kees|willem|hendrik|johan|lars|nils|sven|erik|per|bjorn|tomasz|andrzej|donald|mateusz|viktor|peter|robert|igor|janez|zuzana|klaus|alexander|karl|rudolf|boyko|rumen|klaus|ilham|nikol|irakli|salome|maia|lech|vaclav|milan|jozef|ferenc|laszlo|gabor|zsolt|steven|steve|robbie|rob|bob|tim|tom|tony|andy|ian|matt|jamie|charlie|alex|chris|dave|jim|jimmy|ken|kenny|phil|pete|ron|sam|ben|dan|danny|jon|nick|rick|ricky|rory|shaun|stuart|stewart|craig|darren|dean|gareth|gavin|graham|iain|kieron|liam|martin|neil|nigel|oliver|owen|simon|trevor|clive|colin|derek|gordon|hugh|jonny|marcus|norman|rafael|ross|rupert|elvis|ozzy|clint|ossie|joss|serena|venus|kate|katie|claire|clare|fiona|gemma|holly|jane|kylie|lucy|nicola|paula|sally|sophie|tracey|zoe|andrew|tessa|harriet|cherie|gerry|lleyton|thierry|arsene|alastair|ruud|lionel|cristiano|diego";

/// More first words of people's names, for the rules that only read names already found (the
/// tagger's features use [`GIVEN_NAMES`] alone): those that begin a person's name of two words
/// or more at least twice in CoNLL-2003's training set, are written there in small letters
/// nowhere, and begin other names at most a quarter as often; less those in [`GIVEN_NAMES`].
const MORE_FIRST_NAMES: &str = "aamir|abdul|adrian|agnieszka|alain|alberto|alec|alejandro|aleksander|aleksandra|alessandro|alexandra|alexandre|alfred|alistair|aliuska|allan|allen|ally|amr|anders|andreas|angel|angeles|anke|annabel|annett|antoine|anton|arantxa|aravinda|arjuna|arnaud|arnold|artur|asa|asanka|asif|aslan|ato|banharn|barry|begum|benazir|bernard|bernd|bernhard|bohdan|boutros|brad|brett|brigita|bruno|burhanuddin|byron|cal|carlo|cathy|cecil|cedric|chaminda|chandra|christophe|christopher|chuck|clarence|conchita|corey|costantino|costas|costis|cristina|curtis|dally|damon|dariusz|davey|davidson|debbie|dejan|denny|derrick|desmond|devon|dick|dieter|dimitrios|dimitris|dionne|dirk|domingos|dominic|don|donovan|dos|doug|duffy|duncan|eamonn|ebe|ed|eddie|edgar|eduardo|edwin|eefje|ejup|elena|els|emanuele|emilio|enn|ernie|eugen|ezer|fabien|falilat|fatima|federico|felicia|felix|fernando|filip|florencia|francesco|francis|francisco|frankie|franz|fred|frederic|gabriela|gail|galina|galo|garry|gaston|gennadi|georges|gerard|gerhard|gianluca|gianni|gilbert|giovanni|glen|glenn|glyn|goran|goulnara|graeme|greg|guillaume|gulbuddin|guus|gwen|hal|heiko|helena|helmut|henri|henrietta|herman|hermawan|hernan|herschelle|herve|hever|hicham|hidemichi|hosni|howard|hristo|hu|humberto|hurte|ieng|ijaz|ilie|imran|ines|inez|ingrid|irina|isaac|ismail|itamar|iva|jacek|jackie|jaime|jakob|jalal|jana|jans|jansher|jared|jarmo|jay|jeff|jeroen|jerome|jetsi|jetty|jiang|jimy|jiri|joakim|joao|joel|jonathon|joost|jordi|jorge|jos|juergen|juha|julian|juliet|julio|karem|karim|karina|karol|karsten|kaspars|katarina|kathy|kenneth|kimiko|klas|klimis|kris|kristie|kristina|krzysztof|kumara|kurt|lance|lansana|laurence|laurent|leander|lee|lennart|li|lindsay|linford|loren|louise|luc|luciano|ludmila|luke|luo|maarten|magali|magnus|malcolm|marc|marcel|marcelo|marcin|marco|mariaan|mariano|marina|markus|martina|marty|massoud|mats|matthew|matthias|maureen|max|megawati|melanie|merlene|michele|mika|mikael|milinko|miltiadis|mir|mirhunisa|miriam|misael|mohamed|mohammad|moin|monica|mushtaq|mustapha|muthiah|nana|naoko|natalia|natalya|natasha|nathalie|nawaz|necmettin|newt|nicklas|nicky|noriyuki|nuour|oksana|olga|olivier|omer|ong|orlando|oscar|osmond|ove|pablo|padraig|paola|pascal|pat|patrice|pauline|paulo|petr|pier|radka|ramon|raphael|ravindra|ray|renzo|retief|ricardo|richey|rita|roberto|rodney|rolf|romano|romesh|ronan|ronnie|roshan|ruben|rubens|rudi|rui|ruxandra|ryszard|ryutaro|sabine|sachin|saddam|saeed|salah|salim|sameh|sammy|sanath|sanchez|sandon|sandrine|saqlain|satoshi|sebastien|seiki|sergi|seve|shadab|shane|shayne|shimon|shuzo|silke|siraj|sjeng|soren|stefano|steffen|steffi|stephane|suleyman|svetlana|takuma|tami|tang|tansu|tanya|tatyana|tina|todd|tommi|tommy|troy|ukyo|vince|vinny|violeta|vyacheslav|wally|wang|waqar|wasim|wataru|werner|wim|xavier|yasser|yasushi|yayuk|yevgeny|yi|yone|younes|zhang|zinzan|zubair";

/// Capitalised words that start sentences or headlines but are not names.
const NOT_NAMES: &str = "the|a|an|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|and|but|or|nor|so|yet|for|if|when|while|after|before|although|though|however|meanwhile|moreover|furthermore|also|still|even|just|only|then|thus|therefore|nevertheless|nonetheless|instead|indeed|yes|no|not|as|at|by|in|on|of|to|from|with|without|about|above|below|under|over|between|among|during|since|until|despite|according|because|both|each|every|all|some|many|most|much|more|few|several|such|what|which|who|whom|whose|where|why|how|follow|join|read|share|sign|subscribe|leave|click|watch|listen|see|required|related|more|latest|comments|comment|reply|advertisement|photo|video|image|source|update|updated|breaking|live|opinion|analysis|editorial|exclusive|home|news|world|politics|business|sport|sports|menu|search|login|log|register|contact|privacy|terms|cookies|cookie|accept|close|next|previous|back|top|page|tags|tag|topics|category|share this|email|print|tweet|copyright|all rights reserved|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|tonight|last|first|second|third|one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions|dozens|mr|mrs|ms|dr|prof|st|no|new|old|western|eastern|northern|southern|north|south|east|west|central|former|current|other|another|earlier|later|now|already|again|once|never|always|often|sometimes|perhaps|maybe|well|like|unlike|whether|either|neither|do|does|did|is|are|was|were|be|been|being|have|has|had|can|could|will|would|shall|should|may|might|must|let|let's|please|thank|thanks|sure|dear|hello|oh|okay|ok|via|per|amid|upon|within|across|against|along|around|behind|beyond|into|onto|toward|towards|through|throughout|ahead|whereas|unless|once|while|regarding|including|following|according to|said|says|told|added|asked|noted";

/// Function words of German, French, Spanish, Italian and Portuguese (articles, pronouns,
/// prepositions, conjunctions, a few adverbs): a capitalised one alone opens a sentence, it does
/// not name anything ("La", "Pour", "Esta", "Mit"). The name tagger learnt English.
const FOREIGN_FUNCTION_WORDS: &str = "der|die|das|den|dem|des|ein|eine|einer|einem|einen|und|oder|aber|für|mit|von|zu|zum|zur|bei|nach|aus|auf|im|ist|sind|war|wird|werden|hat|haben|es|er|sie|wir|ihr|auch|noch|nur|schon|wie|wenn|dass|als|doch|denn|diese|dieser|dieses|jetzt|hier|dort|heute|neben|zwischen|während|seit|trotz|mehr|nicht|kein|keine|man|le|la|les|l'|un|une|du|et|ou|mais|pour|par|avec|sans|sur|sous|dans|en|au|aux|ce|cette|ces|il|elle|ils|elles|nous|vous|qui|que|dont|où|si|selon|après|avant|depuis|pendant|ainsi|alors|aussi|donc|car|comme|lire|voir|el|los|las|una|uno|unos|unas|pero|para|por|con|sin|sobre|entre|desde|hasta|según|durante|este|esta|estos|estas|ese|esa|eso|su|sus|se|nos|cuando|donde|también|ya|más|muy|tras|gli|di|da|tra|fra|che|chi|come|quando|dove|anche|ma|questo|questa|questi|queste|nel|nella|dei|delle|degli|sul|sulla|alla|os|um|uma|na|nas|nos|do|dos|em|com|mas|já|isso";

/// Acronyms of things, not names ("a PC", "on DVD", "HIV", "12:00 GMT"), singular and plural.
const COMMON_ACRONYMS: &str = "pc|pcs|tv|tvs|hdtv|dvd|dvds|cd|cds|hd|id|gmt|bst|utc|hiv|aids|tb|dna|gdp|ceo|ceos|cfo|mps|meps|msps|dj|djs|sms|mms|mp3|mp3s|p2p|rfid|iptv|drm|rss|ssl|vhs|vcr|vcrs|pvr|pvrs|usb|lcd|gps|pda|pdas|ip|vat|url|urls|pdf|atm|atms|suv|suvs|ufo|ufos|wifi|wi-fi|3g|4g|5g|lgbt|vpn";

/// Head words that make a capitalised phrase an organisation.
const ORG_HEADS: &str = "council|union|force|forces|organization|organisation|party|ministry|agency|commission|committee|bank|court|army|navy|police|parliament|government|authority|association|institute|university|college|school|company|corporation|corp|inc|ltd|llc|group|alliance|federation|league|program|programme|service|services|news|times|post|press|journal|gazette|daily|herald|tribune|wire|network|channel|radio|television|tv|office|department|bureau|administration|assembly|senate|congress|cabinet|movement|front|coalition|foundation|fund|trust|society|club|team|fc|airlines|airways|motors|industries|holdings|partners|consortium|secretariat|tribunal|guard|command|mission|delegation|embassy|church|board|chamber|exchange|observatory|centre|center|hospital|clinic|laboratory|lab";

/// Words that may join the parts of a multi-word name (Bosnia and Herzegovina, Bank of England).
pub const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "de", "van", "von", "der", "den", "du", "la", "le", "al", "bin",
    "el", "da", "di", "dos", "das", "del", "della", "dei", "y", "ibn", "zu", "ter", "&",
];

/// Country and organisation aliases that name the same thing: (alias, canonical).
const ALIASES: &[(&str, &str)] = &[
    ("us", "United States"),
    ("u.s.", "United States"),
    ("u.s", "United States"),
    ("usa", "United States"),
    ("u.s.a.", "United States"),
    ("america", "United States"),
    ("united states of america", "United States"),
    ("united states", "United States"),
    ("uk", "United Kingdom"),
    ("u.k.", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("great britain", "United Kingdom"),
    ("united kingdom", "United Kingdom"),
    ("eu", "European Union"),
    ("european union", "European Union"),
    ("un", "United Nations"),
    ("u.n.", "United Nations"),
    ("united nations", "United Nations"),
    ("nato", "NATO"),
    ("north atlantic treaty organization", "NATO"),
    ("kfor", "KFOR"),
    ("kosovo force", "KFOR"),
    ("un security council", "UN Security Council"),
    ("united nations security council", "UN Security Council"),
    ("security council", "UN Security Council"),
    ("bosnia-herzegovina", "Bosnia and Herzegovina"),
    ("bosnia and herzegovina", "Bosnia and Herzegovina"),
    ("kiev", "Kyiv"),
    ("kyiv", "Kyiv"),
    ("czechia", "Czech Republic"),
    ("macedonia", "North Macedonia"),
    // British parties ([`BRITISH_PARTIES`]), by the names news gives them and their members.
    ("conservative party", "Conservative Party"),
    ("conservatives", "Conservative Party"),
    ("conservative", "Conservative Party"),
    ("tory party", "Conservative Party"),
    ("tories", "Conservative Party"),
    ("tory", "Conservative Party"),
    ("labour party", "Labour Party"),
    ("labour", "Labour Party"),
    ("new labour", "Labour Party"),
    ("liberal democrats", "Liberal Democrats"),
    ("liberal democrat", "Liberal Democrats"),
    ("lib dems", "Liberal Democrats"),
    ("lib dem", "Liberal Democrats"),
];

/// The parties the aliases above name: whatever the model saw, organisations.
pub const BRITISH_PARTIES: [&str; 3] = ["Conservative Party", "Labour Party", "Liberal Democrats"];

pub struct Gazetteer {
    pub countries: FxHashSet<&'static str>,
    pub places: FxHashSet<&'static str>,
    pub organizations: FxHashSet<&'static str>,
    pub demonyms: FxHashSet<&'static str>,
    pub titles: FxHashSet<&'static str>,
    pub given_names: FxHashSet<&'static str>,
    /// [`GIVEN_NAMES`] and [`MORE_FIRST_NAMES`].
    pub first_names: FxHashSet<&'static str>,
    pub not_names: FxHashSet<&'static str>,
    /// [`FOREIGN_FUNCTION_WORDS`].
    pub function_words: FxHashSet<&'static str>,
    /// [`COMMON_ACRONYMS`].
    pub common_acronyms: FxHashSet<&'static str>,
    pub org_heads: FxHashSet<&'static str>,
    pub aliases: FxHashMap<&'static str, &'static str>,
    /// The first word of every entry of more than one word, so a phrase lookup can start
    /// only where one may match.
    pub first_words: FxHashSet<&'static str>,
    /// The first two words of every entry of more than one word: a phrase lookup goes on past
    /// its second word only where they may begin one ("time" begins "time warner", but "time
    /// to" begins nothing).
    pub first_pairs: FxHashSet<&'static str>,
}

fn set(list: &'static str) -> FxHashSet<&'static str> {
    list.split('|').collect()
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer {
        countries: set(COUNTRIES),
        places: set(PLACES),
        organizations: set(ORGANIZATIONS),
        demonyms: set(DEMONYMS),
        titles: set(PERSON_TITLES),
        given_names: set(GIVEN_NAMES),
        first_names: set(GIVEN_NAMES)
            .union(&set(MORE_FIRST_NAMES))
            .copied()
            .collect(),
        not_names: set(NOT_NAMES),
        function_words: set(FOREIGN_FUNCTION_WORDS),
        common_acronyms: set(COMMON_ACRONYMS),
        org_heads: set(ORG_HEADS),
        aliases: ALIASES.iter().copied().collect(),
        first_words: phrase_entries()
            .filter_map(|entry| entry.split_once(' ').map(|(first, _)| first))
            .collect(),
        first_pairs: phrase_entries()
            .filter_map(|entry| {
                let second = entry.find(' ')? + 1;
                let end = entry[second..]
                    .find(' ')
                    .map_or(entry.len(), |k| second + k);
                Some(&entry[..end])
            })
            .collect(),
    })
}

/// Every entry of the lists phrases are looked up in, one word or more.
pub(crate) fn phrase_entries() -> impl Iterator<Item = &'static str> {
    [COUNTRIES, PLACES, ORGANIZATIONS, DEMONYMS, PERSON_TITLES]
        .into_iter()
        .flat_map(|list| list.split('|'))
        .chain(ALIASES.iter().map(|a| a.0))
}

impl Gazetteer {
    pub fn is_place(&self, folded: &str) -> bool {
        self.countries.contains(folded) || self.places.contains(folded)
    }
}
