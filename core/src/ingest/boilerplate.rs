//! Boilerplate: line-level signals that a line is not article text.
//!
//! Every rule is a general signal (a family of keywords in many phrasings, a shape of line), never
//! a sentence copied from a particular page. Rules look at short lines only, so a body sentence
//! that happens to mention Twitter or comments is left alone.

use super::RemovalReason;
use crate::text::is_letter_or_digit;
use crate::text::WordList;
use regex::Regex;
use std::sync::OnceLock;

/// Lower-case words (letters, digits, `@`, `'`) of a line.
pub fn words(line: &str) -> Vec<String> {
    raw_words(line).map(str::to_lowercase).collect()
}

/// How many [`words`] a line has, without building them.
pub fn word_count(line: &str) -> usize {
    raw_words(line).count()
}

fn raw_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(is_letter_or_digit(c) || c == '@' || c == '\'' || c == '’' || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The line without list bullets, emoji and other leading symbols.
pub fn strip_bullet(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '*' | '•' | '·' | '–' | '—' | '›' | '»' | '>' | '▶' | '►' | '→' | '+'
            )
            || (!is_letter_or_digit(c) && !c.is_ascii() && !matches!(c, '“' | '‘' | '«' | '„'))
    })
}

/// True when the line starts with a list bullet.
pub fn is_bulleted(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '*', '•', '·', '–', '—', '›', '»', '▶', '►', '→'])
        && strip_bullet(t).len() < t.len()
}

const PLATFORMS: &[&str] = &[
    "telegram",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "whatsapp",
    "tiktok",
    "linkedin",
    "reddit",
    "pinterest",
    "threads",
    "mastodon",
    "bluesky",
    "viber",
    "rss",
    "podcast",
    "snapchat",
    "vk",
    "x.com",
    "flipboard",
    "signal",
    "discord",
    "twitch",
];
const IMPERATIVES: &[&str] = &[
    "follow",
    "join",
    "subscribe",
    "like",
    "share",
    "download",
    "get",
    "click",
    "tap",
    "sign",
    "listen",
    "watch",
    "find",
    "connect",
    "stay",
    "support",
    "donate",
    "become",
    "add",
    "check",
    "visit",
    "register",
    "don't",
    "never",
    "receive",
    "want",
    // German, French, Spanish, Italian: forms that open a prompt, not a sentence or question
    // ("Jetzt", "Werden", "Sigue" open sentences as often).
    "folgen",
    "folge",
    "abonnieren",
    "abonniere",
    "teilen",
    "teile",
    "melden",
    "melde",
    "registrieren",
    "klicken",
    "klicke",
    "unterstützen",
    "unterstütze",
    "besuchen",
    "besuche",
    "suivez",
    "rejoignez",
    "abonnez",
    "partagez",
    "téléchargez",
    "inscrivez",
    "cliquez",
    "recevez",
    "retrouvez",
    "écoutez",
    "regardez",
    "soutenez",
    "síguenos",
    "suscríbete",
    "suscríbase",
    "únete",
    "regístrate",
    "seguici",
    "segui",
    "iscriviti",
    "condividi",
    "scarica",
    "unisciti",
    "ricevi",
    "clicca",
];
/// German infinitives of a prompt opened by "Jetzt" / "Hier".
const INFINITIVE_PROMPTS: &[&str] = &[
    "abonnieren",
    "anmelden",
    "registrieren",
    "folgen",
    "teilen",
    "herunterladen",
    "downloaden",
    "sichern",
    "testen",
    "entdecken",
    "installieren",
];

/// Words that address the reader or speak for the outlet ("follow us", "folgen Sie uns").
/// Not German "ihr"/"ihre" nor Italian "ci": they as often mean "her", "their", "there".
const ADDRESSED: &[&str] = &[
    "us", "our", "you", "your", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "dich",
    "dein", "deine", "deinen", "euch", "nous", "vous", "votre", "vos", "notre", "nos", "nuestro",
    "nuestra", "nuestros", "nuestras", "te", "tu", "ti", "tuo", "tua", "nostro", "nostra",
    "nostri", "nostre",
];

/// Every word of every short line is asked whether it is one of these.
static PLATFORM_WORDS: WordList = WordList::new(PLATFORMS);
static ADDRESSED_WORDS: WordList = WordList::new(ADDRESSED);

/// A line pattern's accessor (see `line_patterns!`).
type Pattern = fn() -> &'static LinePattern;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| compile(pattern))
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants: one that does not compile is a bug the tests must see.
    Regex::new(pattern).expect("boilerplate pattern")
}

/// `pattern` without its word boundaries (`\b`): it matches wherever `pattern` does (an
/// assertion left out can only widen the matches), and runs on the regex engine's fast
/// automaton, which cannot run Unicode word boundaries past a letter beyond ASCII (there the
/// engine falls back to its slowest search: a text with accented letters was read seven times
/// slower than an English one). Asked first, it rules out most lines for the pattern as written.
pub(crate) fn without_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", "")
}

/// A pattern asked only whether it matches a line. The regex engine's fast automaton cannot
/// run Unicode word boundaries on every text: these patterns took ~20 times as long as written
/// on English lines. So the pattern is also compiled with ASCII word boundaries (`\b` as
/// `(?-u:\b)`), which mean the same on a line whose word characters are all ASCII (its other
/// characters being spaces, quotation marks, dashes and the like), as most lines of English news
/// are; a line with other letters goes to the pattern as written only when
/// `without_word_boundaries` matches it.
pub struct LinePattern {
    written: Regex,
    ascii: Regex,
    loose: Regex,
}

impl LinePattern {
    fn get(cell: &'static OnceLock<LinePattern>, pattern: &str) -> &'static LinePattern {
        cell.get_or_init(|| LinePattern {
            written: compile(pattern),
            ascii: compile(&pattern.replace(r"\b", r"(?-u:\b)")),
            loose: compile(&without_word_boundaries(pattern)),
        })
    }

    pub fn is_match(&self, line: &str) -> bool {
        if word_chars_are_ascii(line) {
            self.ascii.is_match(line)
        } else {
            self.loose.is_match(line) && self.written.is_match(line)
        }
    }
}

/// Whether every character of `s` that a Unicode `\w` could match, or a case-insensitive ASCII
/// letter (`k` matches the Kelvin sign), is ASCII: its other characters are from a list of
/// spaces, punctuation and symbols known to be neither.
fn word_chars_are_ascii(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_ascii()
            || matches!(c,
                '\u{a0}'..='\u{a9}' | '\u{ab}'..='\u{b1}' | '\u{b4}' | '\u{b6}'..='\u{b8}'
                | '\u{bb}' | '\u{bf}' | '\u{d7}' | '\u{f7}'
                | '\u{2000}'..='\u{200b}' | '\u{200e}'..='\u{203e}' | '\u{2041}'..='\u{2053}'
                | '\u{2055}'..='\u{205f}' | '\u{20a0}'..='\u{20c0}' | '\u{feff}')
    })
}

/// Line patterns, each compiled once on first use.
macro_rules! line_patterns {
    ($($(#[$doc:meta])* $name:ident = $pattern:expr;)*) => {
        $(
            $(#[$doc])*
            fn $name() -> &'static LinePattern {
                static R: OnceLock<LinePattern> = OnceLock::new();
                LinePattern::get(&R, $pattern)
            }
        )*
    };
}

line_patterns! {
    /// Comment forms and counts.
    comment_re = r"(?i)\b(leave|post|add|write|submit|join|view|show|load|read)\s+(a\s+|the\s+|your\s+|all\s+|\d+\s+)?(reply|replies|comments?|discussion|conversation)\b|email (address )?will (not|never) be (published|shared)|required fields are marked|fields marked (with )?(an? )?\*|must be logged in|log ?in to (comment|reply|post)|comments are closed|^\d+\s+comments?$|^no comments|first to comment|cancel reply|^post comment|save my name|^comments?\s*(\(\d+\))?$|^reply$|^(jetzt\s+)?(kommentar(e)?\s+(schreiben|verfassen|anzeigen|lesen|laden|einblenden)|kommentieren|zu den kommentaren|alle kommentare( anzeigen| lesen)?)[.!:]?$|^(\d+\s+)?(kommentare|leserkommentare|commentaires?|comentarios?|commenti)\s*(\(\d+\))?$|^(antworten|répondre|responder|rispondi)$|e-mail-adresse wird nicht veröffentlicht|pflichtfelder sind mit|kommentarfunktion (ist |wurde )?(geschlossen|deaktiviert)|diskutieren sie mit|(sich an|anmelden),? um (zu )?kommentieren|(laisser|écrire|ajouter) un commentaire|adresse (e-)?mail ne sera pas publiée|deja (un|tu) comentario|correo electrónico no será publicada|lascia un commento|indirizzo email non sarà pubblicato";
    /// Share, print and copy-link prompts.
    share_re = r"(?i)\b(ctrl|cmd|control|strg)\s*\+\s*\w+|highlight (the |a )?(text|passage|fragment)|found an? (typo|mistake|error)|print (this )?(article|page|story)|click (here )?to (share|print|email|tweet)|^share( this( article| story| page)?)?( on \w+)?[:!]?$|email this (article|story)|copy (the )?link|^(print|email|e-mail|share|tweet|save|teilen|drucken|merken|versenden|partager|imprimer|compartir|imprimir|condividi|stampa)(\s*[|/]\s*(print|email|e-mail|share|tweet|save|comment|teilen|drucken|merken|versenden|partager|imprimer|compartir|imprimir|condividi|stampa))*$|^(link copied|copied!?|link kopiert|lien copié|enlace copiado|link copiato)$|^((artikel|seite|beitrag|link)\s+)?(teilen|drucken|versenden|merken|vorlesen|anhören|verschenken|kopieren)[:!]?$|^((auf|bei|per|via|über)\s+\S+(\s+\S+)?\s+)(teilen|versenden|senden|empfehlen)$|link kopieren|^(sie haben )?(einen )?fehler (gefunden|entdeckt|melden)\b|^(partager|imprimer|envoyer)( (cet|l'|l’)\s?article)?( (sur|par) \S+)?[:!]?$|copier le lien|^(compartir|imprimir)( (esta|la) noticia)?( (en|por) \S+)?[:!]?$|copiar (el )?enlace|^(condividi|stampa)( (l'|l’)?articolo)?( (su|via) \S+)?[:!]?$|copia (il )?link";
    /// Newsletter and subscription prompts.
    newsletter_re = r"(?i)\bnewsletters?\b|\bin your inbox\b|\bsign(ing)? up (for|to)\b|\bsubscribe (to|now|today|for)\b|\bsubscription\b|\bunsubscribe\b|\b(jetzt|hier|gratis|kostenlos)\s+(\w+\s+)?abonnieren\b|\babonnieren sie\b|\babo abschließen\b|\bbereits abonnent|\bin ihr(em)? postfach\b|\babonnez-vous\b|\bsuscr[ií]b[ea]t?e\b|\biscriviti\b";
    /// Cookie banners, legal footers and site navigation.
    cookie_re = r"(?i)\b(we|this (web)?site) uses? cookies\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b|\bprivacy policy\b|\ball rights reserved\b|^©|\bcopyright ©|\bterms (of use|and conditions|of service)\b|\bwir (verwenden|nutzen|setzen) cookies\b|\b(webseite|website|seite) (verwendet|nutzt) cookies\b|\bcookies (akzeptieren|zulassen)\b|\bcookie-einstellungen\b|\balle rechte vorbehalten\b|\b(nous utilisons|ce site utilise) (des )?cookies\b|\baccepter (les |tous les )?cookies\b|\btous droits réservés\b|\b(utilizamos|usamos) cookies\b|\btodos los derechos reservados\b|\butilizziamo (i )?cookie\b|\btutti i diritti riservati\b|^(impressum|datenschutz|datenschutzerklärung|nutzungsbedingungen|politique de confidentialité|política de privacidad|kontakt|agb|mediadaten|barrierefreiheit|mentions légales|aviso legal|home|startseite|zur startseite|zurück zur startseite|nach oben|zurück nach oben|zum seitenanfang|back to top|retour en haut|volver arriba|torna su|weiterlesen|mehr lesen|mehr erfahren|lire la suite|seguir leyendo|continua a leggere|(audio|video|podcast) (abspielen|anhören|starten)|(artikel )?(anhören|vorlesen)|(bild|foto) vergrößern|image|images|photo|photos|picture|video|credits?|bild|foto|view photos?|(view|open|see) (the )?(photo )?(gallery|slideshow)|photo gallery|slideshow|enlarge (this )?(image|photo)|expand|close|(play|watch) (the )?video|listen to (this|the) (article|story)|agrandir (l'|l’)image|voir la vidéo|fermer|ampliar (la )?imagen|ver (el )?vídeo|cerrar|ingrandisci( (l'|l’)immagine)?|guarda il video|chiudi|(zur )?(bildergalerie|fotostrecke)( \(\d+ bilder\))?|vollbild|schließen|(alle )?(akzeptieren|zustimmen|ablehnen)|accept all|reject all|tout accepter|tout refuser|aceptar todo|accetta tutto)(\s*[|·/•]\s*(impressum|datenschutz|datenschutzerklärung|kontakt|agb|mediadaten|barrierefreiheit|cookies|cookie-einstellungen|mentions légales|aviso legal))*$";
    /// Paywall prompts ("Jetzt weiterlesen mit …", "Sie haben bereits ein Abo?").
    paywall_re = r"(?i)\b(jetzt )?weiterlesen mit\b|\bbereits (ein |einen )?(digital-?)?(abo|abonnent|abonnentin)\b|\b(nur|exklusiv) für (abonnent|abonnentinnen|abonnenten|abonnierende)|\b(mit|im) (einem |dem )?(digital-?)?abo (weiterlesen|lesen)\b|\bsubscribe to (continue|keep) reading\b|\balready a subscriber\b|\bdéjà abonné\b|\bréservé aux abonnés\b|\bya eres suscriptor\b|\bsei già abbonato\b";
    /// Advertisement labels.
    advert_re = r"(?i)^[\[(]?(advertisement|advertising|ad|ads|sponsored( content)?|anzeige|werbung|gesponsert|publicité|publicidad|pubblicità|publicidade|reklame)[\])]?$|^(the )?(story|article) continues (below|after)( (this|the))?( advertisement| ad)?$|^continue reading (below|after the advertisement)$|^(weiterlesen|lesen sie) nach der (anzeige|werbung)( weiter)?$|^(der )?(artikel|text) (geht|wird) (nach|unter) der (anzeige|werbung) (weiter|fortgesetzt)$|^(la suite|l'article continue) (après|sous) (la |cette )?publicité$|^(el artículo|la noticia) continúa (tras|después de) la publicidad$";
    /// Tag and topic lists ("Tags: …", "Schlagwörter: …", "Mots-clés : …").
    tags_re = r"(?i)^(tags|topics|filed under|themen|schlagw(ö|o)rte?r?|stichw(ö|o)rte?r?|mots[- ]clés|etiquetas|temas|argomenti)\s*:";
    /// Agency credits closing an article ("(dpa)", "fh/dpa", "Mit Material von dpa und AFP").
    agency_re = r"(?i)^\(?([a-z]{1,5}/)*(dpa|afp|ap|reuters|kna|epd|apa|sda|ddp|rtr|dts|sid|ots|ansa|efe)(/[a-z]{1,6})*\)?\.?$|^(mit material (von|der|aus)|(mit|unter) verwendung von material|avec (l'afp|afp|reuters)\b|con información de)\b";
    /// Photo and image credits ("Foto: …", "Photo: …").
    credit_re = r"(?i)^[\[(]?(photo|photos|image|images|picture|foto|fotos|bild|bilder|bildquelle|fotoquelle|grafik|illustration|crédits? photo|imagen|immagine|video)\s*:\s*\S|^(?-i:Credit[A-Z])";
}

/// A reading-time or word-count line ("5 min read", "Lesezeit: 4 Minuten", "3 Min. Lesedauer").
pub fn is_reading_time(line: &str) -> bool {
    static R: OnceLock<LinePattern> = OnceLock::new();
    let r = LinePattern::get(
        &R,
        r"(?i)\b\d+\s*(min|mins|minutes?|minuten?|minutos?|minuti)\.?\s*(read|reading|lesezeit|lesedauer|lesen|de lecture|de lectura|di lettura)\b|\b(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura)\s*:?\s*(ca\.\s*)?\d+",
    );
    raw_words(line).nth(14).is_none() && r.is_match(line)
}

/// A line that is one long token of letters and digits mixed (tracking id, hash), possibly with
/// one or two short companions.
pub fn is_tracking_id(line: &str) -> bool {
    // At most four tokens are looked at: a paragraph is no id, and this is asked of every line.
    let toks: Vec<&str> = line.split_whitespace().take(4).collect();
    if toks.is_empty() || toks.len() > 3 {
        return false;
    }
    toks.iter().any(|t| {
        let t = t.trim_matches(|c: char| !is_letter_or_digit(c));
        t.len() >= 16
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && t.chars().filter(|c| c.is_ascii_digit()).count() >= 4
            && t.chars().any(|c| c.is_ascii_alphabetic())
    }) || (toks.len() == 1 && toks[0].len() >= 24 && toks[0].chars().all(|c| c.is_ascii_hexdigit()))
}

/// The reason a single line is boilerplate, judged on its own.
pub fn classify_line(line: &str) -> Option<RemovalReason> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    if is_tracking_id(line) {
        return Some(RemovalReason::TrackingId);
    }
    // Counted only as far as the limit: the same answer for paragraphs, at a fraction of the cost.
    let n = raw_words(line).take(31).count();
    if n > 30 {
        return None;
    }
    // Patterns that settle a line on their own, in order, each for lines of at most so many
    // words.
    let patterns: [(Pattern, usize, RemovalReason); 8] = [
        (comment_re, 16, RemovalReason::CommentForm),
        (share_re, 20, RemovalReason::ShareHint),
        (cookie_re, 30, RemovalReason::Navigation),
        (paywall_re, 25, RemovalReason::Newsletter),
        (advert_re, 30, RemovalReason::Advertisement),
        (tags_re, 25, RemovalReason::Navigation),
        (agency_re, 15, RemovalReason::OutletCredit),
        (credit_re, 10, RemovalReason::Metadata),
    ];
    if let Some(&(_, _, reason)) = patterns
        .iter()
        .find(|(pattern, max, _)| n <= *max && pattern().is_match(line))
    {
        return Some(reason);
    }
    let w = words(line);
    let first = w.first().map(String::as_str).unwrap_or("");
    // German prompts also open with "Jetzt" and use an infinitive: "Jetzt den Newsletter
    // abonnieren!".
    let imperative = IMPERATIVES.contains(&first)
        || (matches!(first, "jetzt" | "hier" | "gratis" | "kostenlos")
            && w.iter().any(|x| INFINITIVE_PROMPTS.contains(&x.as_str())));
    let addressed = w.iter().any(|x| ADDRESSED_WORDS.contains(x));
    // (Only ASCII letters lower-case to those of "google news".)
    let platform = w.iter().any(|x| PLATFORM_WORDS.contains(x))
        || line
            .as_bytes()
            .windows(11)
            .any(|x| x.eq_ignore_ascii_case(b"google news"));
    if newsletter_re().is_match(line) && !platform && (imperative || addressed || n <= 6) && n <= 25
    {
        return Some(RemovalReason::Newsletter);
    }
    let handle = w.iter().any(|x| x.starts_with('@') && x.len() > 2);
    let only_platforms = w.iter().all(|x| {
        PLATFORM_WORDS.contains(x)
            || matches!(
                x.as_str(),
                "share"
                    | "email"
                    | "print"
                    | "copy"
                    | "link"
                    | "x"
                    | "e"
                    | "mail"
                    | "teilen"
                    | "drucken"
                    | "partager"
                    | "compartir"
                    | "condividi"
            )
    });
    if platform && (imperative || only_platforms || (addressed && n <= 15)) {
        return Some(RemovalReason::SocialPrompt);
    }
    if handle && (imperative || addressed || n <= 4) && n <= 20 {
        return Some(RemovalReason::SocialPrompt);
    }
    None
}

/// Headers that open a list of links to other articles ("Read more", "Related stories").
pub fn is_related_header(line: &str) -> bool {
    static R: OnceLock<LinePattern> = OnceLock::new();
    let r = LinePattern::get(
        &R,
        r"(?i)^(read more|read also|also read|read next|read further|related|related (articles?|stories|story|news|content|posts|coverage|topics|reading|links)|see also|more on (this|the)( story| topic| subject)?|more (stories|news|articles) (from|on|about)\b.{0,30}|you may (also )?like|you might (also )?like|you may have missed|recommended( for you| reading| stories| articles)?|most (read|popular|viewed)|trending( now| stories)?|further reading|more stories|latest( news| stories| articles)?|top stories|editor'?s picks|don'?t miss|more from .{1,30}|what to read next|lesen sie (auch|mehr|dazu|hier|weiter)( auch| mehr)?|mehr zum thema( .{1,30})?|(auch|ebenfalls|das ist auch) (interessant|lesenswert|spannend)|das könnte (sie|dich) (auch )?interessieren|(weitere|mehr|neueste|ähnliche|verwandte|empfohlene) (artikel|nachrichten|themen|meldungen|beiträge|geschichten|news)|mehr (aus|von) .{1,30}|meistgelesen(e)?( artikel| nachrichten)?|am meisten gelesen|meistgesehen|(unsere )?empfehlungen( für sie)?|(passend )?zum thema|dazu passend|weiterführende links|top[- ]themen|top[- ]artikel|zum weiterlesen|(à )?lire (aussi|également|la suite)|a lire aussi|voir aussi|sur le même (sujet|thème)|les plus (lus|partagés)|articles? (liés|similaires)|dans la même rubrique|vous aimerez aussi|(lee|lea|leer) (también|más)|(también )?(te|le) puede interesar|(noticias|artículos) relacionad[oa]s|(lo )?más leíd[oa]s?|ver también|más noticias|leggi anche|(ti )?potrebbe(ro)? interessar(ti|e)|articoli correlati|(i )?più letti|vedi anche|altre notizie|(leia|veja) (também|mais)|mais lidas|notícias relacionadas)\s*[:.…»>]*$",
    );
    r.is_match(strip_bullet(line).trim())
}

/// A "Read more: Headline" line that carries its link inline.
pub fn is_inline_related(line: &str) -> bool {
    static R: OnceLock<LinePattern> = OnceLock::new();
    let r = LinePattern::get(
        &R,
        r"(?i)^(read more|read also|also read|related|see also|read next|read|watch|listen|recommended|more|lesen sie (auch|mehr|dazu|hier)( auch)?|mehr zum thema|auch interessant|siehe auch|(à )?lire aussi|voir aussi|lee también|lea también|leer más|ver también|leggi anche|vedi anche|leia também|veja também)\s*[:|»>–—-]\s*\S",
    );
    r.is_match(strip_bullet(line).trim()) && word_count(line) <= 30
}

/// A line that reads like a headline: a few words, no closing sentence punctuation.
pub fn is_headline_like(line: &str, max_words: usize) -> bool {
    let t = strip_bullet(line).trim();
    // The ends first: they settle most lines (sentences) without counting words.
    let last = t
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .chars()
        .next_back();
    let opens_small = match t.chars().next() {
        Some(c) => c.is_lowercase(),
        None => true,
    };
    if opens_small || matches!(last, Some('.' | ',' | ';' | ':' | '…')) {
        return false;
    }
    let n = word_count(t);
    (2..=max_words).contains(&n) && t.chars().count() <= 250
}

/// Articles that open a noun phrase, not a name.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "el",
    "los", "las", "una", "il", "lo", "gli", "uno",
];

/// The first sentence of a closing paragraph presents the author ("X is a journalist ...").
pub fn is_author_bio(para: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"^(?:(?i:about the author|über (?:den autor|die autorin|die autoren)|à propos de l'auteure?|sobre el autor|sull'autore)\b.*|((?:[^\W\d_][[^\W\d_]'’.-]*\s+){1,3}[^\W\d_][[^\W\d_]'’.-]*)\s+(?:(?:is|was|has been|works as|writes)\s+(?:a|an|the|our)\b[^.!?]{0,160}\b(?:journalist|writer|author|reporter|editor|correspondent|contributor|columnist|blogger|freelancer|novelist|commentator)s?\b|(?:ist|war|arbeitet als|schreibt als|est|était|es|fue|trabaja como|è|era|lavora come)\s+[^.!?]{0,80}?(?i:journalist|redakteur|autor|reporter|korrespondent|kolumnist|volontär|rédacteur|rédactrice|correspondant|chroniqueur|chroniqueuse|periodista|redactor|corresponsal|columnista|giornalista|redattore|redattrice|corrispondente|editorialista)(?:in|innen|en|e|s|a|as|i)?\b))",
    );
    // The name before the verb is capitalised (checked here: the pattern's letters are any case,
    // which spares the download Unicode's category tables), and is no noun with its article
    // (German capitalises every noun: "Die Frau ist Journalistin").
    r.captures(para.trim()).is_some_and(|c| {
        c.get(1).is_none_or(|name| {
            let mut w = name.as_str().split_whitespace();
            w.clone()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !w
                    .next()
                    .is_some_and(|first| ARTICLES.contains(&first.to_lowercase().as_str()))
        })
    })
}

/// A line that only gives the source ("Source: Hot News", "Via: X"): returns the outlet.
pub fn source_line(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:(?:source|sources|via|credit|quelle|quellen|fuente|fonte)\s*:|(?:originally published (?:by|in|at|on)|first published (?:by|in|on)|this (?:article|story) (?:first appeared|was originally published) (?:in|on|at)|(?:dieser|der) (?:artikel|beitrag|text) (?:erschien|ist) (?:zuerst|zuvor|ursprünglich) (?:in|bei|auf|im)|(?:cet article|ce texte) a (?:d'abord|initialement) été publié (?:dans|par|sur))\s*:?)\s*(.{2,60}?)\.?$",
    );
    let t = line.trim();
    let c = r.captures(t)?;
    let v = c.get(1)?.as_str().trim();
    (word_count(v) <= 8 && !v.is_empty()).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_patterns_keep_unicode_word_boundaries() {
        // Quotation marks and dashes leave the ASCII form in use; a letter beyond ASCII next to
        // the word does not, and there ASCII boundaries would wrongly match.
        assert!(word_chars_are_ascii(
            "Sign up for our newsletter — it’s free «today»…"
        ));
        for not_ascii in ["é", "\u{212a}", "ª", "µ", "\u{200d}", "²"] {
            assert!(
                !word_chars_are_ascii(&format!("a {not_ascii} b")),
                "{not_ascii}"
            );
        }
        assert!(newsletter_re().is_match("Sign up to “our” newsletter"));
        assert!(newsletter_re().is_match("Abonnez-vous à la newsletter"));
        assert!(!newsletter_re().is_match("Dénewsletter était là"));
        assert!(!newsletter_re().is_match("ßnewsletter"));
    }

    #[test]
    fn a_line_with_other_letters_is_matched_as_the_pattern_is_written() {
        // The form without word boundaries rules lines out for the pattern as written: it must
        // match wherever that one does (words ending in a letter beyond ASCII included).
        let lines = [
            "Déjà abonné ?",
            "Réservé aux abonnés",
            "Tous droits réservés",
            "© 2024 Müller Verlag. Alle Rechte vorbehalten",
            "Abonnez-vous à la newsletter",
            "Dénewsletter était là",
            "Suscríbete",
            "¿Ya eres suscriptor?",
            "Jetzt kostenlos abonnieren für Sie",
            "Kommentar schreiben für Leser",
            "Lesezeit: 4 Minuten für Müller",
            "Lire aussi…",
            "Lee también: Vučić en Bruselas",
            "Foto: Željko Petrović",
            "Čitajte i: newsletter",
            "La cuenta atrás de la publicación",
        ];
        let patterns: [Pattern; 9] = [
            comment_re,
            share_re,
            cookie_re,
            paywall_re,
            advert_re,
            tags_re,
            agency_re,
            credit_re,
            newsletter_re,
        ];
        let mut matched = 0;
        for line in lines {
            for pattern in patterns {
                let p = pattern();
                let written = p.written.is_match(line);
                assert_eq!(p.is_match(line), written, "{line}");
                matched += usize::from(written);
            }
        }
        assert!(matched >= 10, "{matched}");
    }
    use RemovalReason::*;

    #[test]
    fn prompts_in_many_phrasings() {
        for l in [
            "Join us on Telegram",
            "FOLLOW US ON TWITTER",
            "Follow our live coverage on @some_outlet_handle.",
            "Like our page on Facebook for more",
            "Subscribe to our YouTube channel!",
        ] {
            assert_eq!(classify_line(l), Some(SocialPrompt), "{l}");
        }
        assert_eq!(
            classify_line("Sign up for our morning newsletter"),
            Some(Newsletter)
        );
        assert_eq!(classify_line("Leave a comment"), Some(CommentForm));
        assert_eq!(
            classify_line("Your email address will not be published."),
            Some(CommentForm)
        );
        assert_eq!(
            classify_line("Select the words and press Ctrl+Enter to report it"),
            Some(ShareHint)
        );
        assert_eq!(
            classify_line("ab12cd34ef56ab78cd90ef12 Zx9"),
            Some(TrackingId)
        );
    }

    #[test]
    fn body_sentences_stay() {
        for l in [
            "The minister said on Twitter that the talks would continue next week.",
            "He asked reporters to follow the money, not the rumours.",
            "Turnout was 3% in the northern towns.",
            "The 2023 budget of 1,200,000 euros was approved.",
        ] {
            assert_eq!(classify_line(l), None, "{l}");
        }
    }

    #[test]
    fn european_languages() {
        for (l, want) in [
            ("Folgen Sie uns auf Instagram", SocialPrompt),
            (
                "Jetzt die App herunterladen und auf Whatsapp folgen",
                SocialPrompt,
            ),
            ("Suivez-nous sur Twitter", SocialPrompt),
            ("Síguenos en Facebook", SocialPrompt),
            ("Auf Facebook teilen", ShareHint),
            ("Artikel teilen", ShareHint),
            ("Drucken | Teilen", ShareHint),
            ("Link kopieren", ShareHint),
            ("Partager cet article", ShareHint),
            (
                "Jetzt den Newsletter abonnieren und nichts mehr verpassen!",
                Newsletter,
            ),
            ("Abonnez-vous à notre lettre d'information", Newsletter),
            ("Kommentare (12)", CommentForm),
            ("Jetzt kommentieren", CommentForm),
            (
                "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
                CommentForm,
            ),
            ("Laisser un commentaire", CommentForm),
            (
                "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
                Navigation,
            ),
            ("© 2026 Küstenbote. Alle Rechte vorbehalten.", Navigation),
            ("Impressum | Datenschutz | Kontakt", Navigation),
            ("Zur Startseite", Navigation),
            ("Tous droits réservés", Navigation),
            ("Anzeige", Advertisement),
            ("WERBUNG", Advertisement),
            ("Publicité", Advertisement),
            ("Advertisement", Advertisement),
            ("Story continues below advertisement", Advertisement),
            ("Weiterlesen nach der Anzeige", Advertisement),
            ("Foto: Erika Beispiel", Metadata),
            ("CreditPiotr Redlinski for The Gazette", Metadata),
            ("(Bild: Hersteller)", Metadata),
            ("Schlagwörter: Hafen, Stadtrat, Sanierung", Navigation),
            ("Tags: harbour, council", Navigation),
            ("Weiterlesen", Navigation),
            ("Audio abspielen", Navigation),
            ("Zur Bildergalerie (12 Bilder)", Navigation),
            ("Image", Navigation),
            ("View photo", Navigation),
            ("Enlarge this image", Navigation),
            ("Voir la vidéo", Navigation),
            ("Alle akzeptieren", Navigation),
            ("(dpa)", OutletCredit),
            ("fh/dpa", OutletCredit),
            ("Mit Material von dpa und AFP", OutletCredit),
            (
                "Sie haben bereits ein Digital-Abo? Hier anmelden",
                Newsletter,
            ),
            ("Jetzt weiterlesen mit Küstenbote+", Newsletter),
            (
                "Dieser Artikel ist nur für Abonnenten verfügbar.",
                Newsletter,
            ),
            ("Réservé aux abonnés", Newsletter),
        ] {
            assert_eq!(classify_line(l), Some(want), "{l}");
        }
        for l in [
            "Der Bürgermeister wollte den Beschluss nicht kommentieren.",
            "Die Zeitung hat ihre Leser in einem Brief um Geduld gebeten.",
            "Der Datenschutz sei ihm wichtig, sagte der Minister.",
            "Die Werbung für das Fest begann schon im Sommer.",
            "Er teilte mit, dass die Arbeiten im Frühjahr beginnen.",
            "Le maire n'a pas souhaité commenter la décision.",
            "Ihre Facebook-Seite wurde gesperrt, sagte die Ministerin.",
            "Ci sono molti utenti su Facebook.",
            "Jetzt ist auch Tiktok betroffen, sagte der Minister.",
            "Werden die Daten bei Facebook gespeichert?",
            "Sigue la polémica en Twitter tras el discurso.",
            "Der Prüfer hat in den Akten keinen Fehler gefunden.",
            "Er trat vor die Presse, um zu kommentieren, was geschehen war.",
            "Der Konzern änderte seine Nutzungsbedingungen, wie Nutzer berichteten.",
            "Er hatte bereits Zugang zu den Akten.",
        ] {
            assert_eq!(classify_line(l), None, "{l}");
        }
        for h in [
            "Lesen Sie auch:",
            "Mehr zum Thema",
            "Auch interessant",
            "Das könnte Sie auch interessieren",
            "Weitere Artikel",
            "Meistgelesen",
            "À lire aussi",
            "Te puede interesar",
            "Leggi anche",
        ] {
            assert!(is_related_header(h), "{h}");
        }
        assert!(!is_related_header("Mehr Geld für die Schulen"));
        assert!(is_inline_related(
            "Lesen Sie auch: Neue Fähre verkehrt ab Frühjahr"
        ));
        assert!(is_inline_related("Lire aussi : Le port rouvre ses quais"));
        assert!(is_reading_time("Lesezeit: 3 Minuten"));
        assert!(is_reading_time("4 Min. Lesedauer"));
        assert!(is_reading_time("5 min read"));
        assert!(!is_reading_time("Die Sitzung dauerte 40 Minuten."));
        for bio in [
            "Max Muster ist Redakteur im Ressort Lokales und schreibt über Häfen.",
            "Erika Beispiel ist seit 2019 Korrespondentin in Wien.",
            "Jean Exemple est journaliste au service politique.",
            "Über den Autor: Max Muster lebt in Kiel.",
        ] {
            assert!(is_author_bio(bio), "{bio}");
        }
        assert!(!is_author_bio(
            "Die Frau ist Journalistin und lebt in Kiel."
        ));
        // "Zur Person" boxes present the person the story is about.
        assert!(!is_author_bio(
            "Zur Person: Max Muster ist seit 2020 Bürgermeister."
        ));
        assert!(!is_author_bio(
            "Der Minister ist eine Autorität in Fragen des Hafenbaus."
        ));
        for l in [
            "Quelle: Küstenbote",
            "Dieser Artikel erschien zuerst bei Küstenbote.",
        ] {
            assert_eq!(source_line(l).as_deref(), Some("Küstenbote"), "{l}");
        }
    }

    #[test]
    fn shapes() {
        assert!(is_related_header("Read also:"));
        assert!(is_related_header("RELATED STORIES"));
        assert!(!is_related_header("Related to this, the mayor resigned."));
        assert!(is_headline_like(
            "Harbour town votes to rebuild its pier",
            20
        ));
        assert!(!is_headline_like("The town voted on Monday.", 20));
        assert!(is_author_bio(
            "Jane Roe is a freelance journalist covering the coast."
        ));
        assert!(!is_author_bio("The mayor is a former teacher."));
        assert!(!is_author_bio(
            "Examplecorp is a key producer of pier parts and a writer of manuals."
        ));
        assert_eq!(classify_line("Markets signal a recovery"), None);
        assert_eq!(classify_line("Facebook Twitter Email"), Some(SocialPrompt));
        assert_eq!(
            source_line("Source: Daily Example").as_deref(),
            Some("Daily Example")
        );
        assert_eq!(source_line("Sources said the deal was close."), None);
    }
}
