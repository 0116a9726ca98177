//! When the page says its article was first published and last changed.
//!
//! The cascade, most trusted first (the first source giving a date wins):
//! 1. JSON-LD `datePublished` of an article node (`json_ld`);
//! 2. the publication meta tags of [`PUBLISHED_META`] (Open Graph,
//!    `itemprop`, Dublin Core, Parse.ly, Sailthru, …), then one of them
//!    behind a vendor's prefix (`w-published-date`), then the plain `date`
//!    tag when the article prints no `<time>` of step 5 ([`PLAIN_DATE_META`]);
//! 3. any element marked `itemprop="datePublished"` (`content`,
//!    `datetime` or its text);
//! 4. JSON-LD `datePublished` of the page node; when the article's header
//!    prints an earlier day beside the headline that a `<time>`, a
//!    date-named element (step 5 or 8) or a line of its own
//!    ([`MAX_DATE_LINE_CHARS`]) also gives, that day instead (a republished
//!    story's metadata is re-stamped, its byline is not);
//! 5. a `<time>` (one marked as the publication first): its `datetime`,
//!    else the day it prints; and the hAtom `.published[title]`;
//! 6. a day in the URL's path (`/2024/05/17/`, `2024-05-17-slug`,
//!    `/20240517/`, `/2024-05/17/`, `/2024/may/17/`);
//! 7. a day printed after a publication label of the marker tables
//!    (`Published on`, `Datum:`, `Veröffentlicht am`, `Publié le`), in the
//!    label's text or just after it ([`LABEL_WINDOW_CHARS`]);
//! 8. a day printed in an element whose class or id names a date
//!    (`class="post-date"`: `17. Mai 2024`, `May 17, 2024`, `17.05.2024`);
//! 9. a day printed next to the headline: just before or after the `<h1>`
//!    in the blocks around it ([`HEADER_LEVELS`], [`HEADER_WINDOW_CHARS`]).
//!
//! A printed day that an update label stands before (`Last updated on`,
//! `Aktualisiert am`, in the element or just before it) is the last change:
//! steps 5 and 7–9 pass over it, and only when none of them finds a
//! publication does it date the article (10.: steps 8 and 9 again, taking
//! it), as a page that says no more than when it was last updated is read.
//! Then (11.) a dateline: a day opening one of the page's first paragraphs,
//! after a place or not (`BERLIN, 27. Januar 2022 – …`); last (12.), a day in
//! the path of the picture shared with the page (`og:image`). Once the
//! page's kind is known, an article or a forum thread that none of these
//! dates takes the day its own text prints most often (13.,
//! [`most_printed_day`], called by `Metadata::settle_date`).
//!
//! Days are printed in the month names of the twelve marker languages, as
//! numbers (`17.05.2024`, `2024/05/17`), or the Chinese, Japanese and Korean
//! way (`2024年5月17日`).
//!
//! A publication given in UTC takes the page's own offset when the page also
//! prints the same instant in its local time (`in_page_time`), so the day
//! is the page's.
//!
//! Elements inside comments, related-article teasers, sidebars, footers and
//! the site's navigation ([`EXCLUDED_ANCESTOR_WORDS`], [`FURNITURE_WORDS`],
//! [`FURNITURE_ELEMENTS`]) are never read, and only a full day counts,
//! so a copyright year is never a date. The last change comes from JSON-LD
//! `dateModified`, the tags of [`MODIFIED_META`], and a `<time>` named or
//! labelled as an update (`Last updated <time datetime>`).
//!
//! Reads: the parsed page, its meta tags, its JSON-LD and its URL. Writes
//! nothing: [`read`] returns the dates for the `page` stage.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use dom_query::{Document, NodeData, NodeRef, local_name};

use super::{json_ld::JsonLd, metadata::MetaTags, narrowed::NarrowedSelector};
use crate::markers;

/// Meta tags (`property`, `name` or `itemprop`, lower case) giving the first
/// publication, most trusted first.
pub(crate) const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms:created",
    "dc.created",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "citation_publication_date",
    "ms.date",
    "citation_date",
    "prism.publicationdate",
    "article.published",
    "article_date_original",
    "originalpublicationdate",
    "shareaholic:article_published_time",
    "cxenseparse:recs:publishtime",
    "publication_date",
    "publication-date",
    "published",
    "published_date",
    "published-date",
    "publish_date",
    "publish-date",
    "publishdate",
    "date_published",
    "pubdate",
    "pub_date",
    "sw-pubdate",
    "og:release_date",
    "release_date",
    "creation_date",
    "datecreated",
];

/// The plain `date` tag, which many CMSs fill with the day the page was
/// last saved or built: read only when the article prints no `<time>`,
/// which then tells its publication.
const PLAIN_DATE_META: &[&str] = &["date"];

/// Meta tags giving the last change, most trusted first.
pub(crate) const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "dcterms:modified",
    "last-modified",
    "lastmod",
    "modified_date",
    "sailthru.lastupdate",
];

/// Words in the class or id of an ancestor that mark an element as not the
/// article's own: a comment, a teaser of another article, a sidebar, a
/// social post embedded in the story (its date and author are the post's).
pub(crate) const EXCLUDED_ANCESTOR_WORDS: &[&str] = &[
    "instagram-media",
    "twitter-tweet",
    "tiktok-embed",
    "comment",
    "reply",
    "respond",
    "related",
    "teaser",
    "recommend",
    "sidebar",
    "popular",
    "trending",
    "more-stories",
    "read-more",
    "readmore",
    "archive",
    "calendar",
];

/// Words in the class or id of a reader's review (a shop's customer
/// reviews, `review-date`, `jdgm-review`): its date is the day a buyer
/// wrote it, never the page's. Read for dates only: a review site names its
/// own article so too, and the byline there is its writer's.
const REVIEW_WORDS: &[&str] = &["review"];

/// Words in the class or id of a sidebar, which may be the page's layout
/// or the article's own details rather than furniture.
const SIDEBAR_WORDS: &[&str] = &["sidebar"];

/// Words of furniture that is not read for a date (a footer's copyright
/// year) but holds a post's author box.
const FURNITURE_WORDS: &[&str] = &["footer"];

/// Openings of the class names of furniture that is not read for a date (a
/// blog's widgets: `widget`, `widget_calendar`, `widget-area`; the site's
/// navigation bar, where a newsroom prints today's date: `navbar`,
/// `navigation`, `nav-top`) but holds a post's author box. Only openings: a
/// page builder wraps every part of the article, its date included, in
/// `elementor-widget-…`.
const FURNITURE_PREFIXES: &[&str] = &["widget", "nav"];

/// Elements of furniture that is not read for a date: the site's
/// navigation, where a newsroom prints today's date.
const FURNITURE_ELEMENTS: &[&str] = &["nav"];

/// A wrapper named after a sidebar that holds more than this share of the
/// page's text is the page's layout (the article beside its sidebar).
const LAYOUT_SHARE: f64 = 0.5;

/// Words in an element's class or id that mark it as the update, not the
/// publication (Drupal names its last-change field `field--name-changed`).
const UPDATE_WORDS: &[&str] = &["update", "modified", "edited", "changed"];

/// Words in an element's class or id that mark it as the publication, even
/// beside an update word: WordPress themes print a post never edited as
/// `<time class="entry-date published updated">`.
const PUBLICATION_WORDS: &[&str] = &["publish"];

/// Whether an element's class or id names the last change and not the
/// publication.
fn names_update(node: &NodeRef) -> bool {
    names_any(node, UPDATE_WORDS) && !names_any(node, PUBLICATION_WORDS)
}

/// Words in an element's class (in any case: `itemPostDate`,
/// `documentPublished`) that name a date, where a printed day is looked for.
const PRINTED_DATE_CLASS_WORDS: &[&str] = &[
    "date",
    "datum",
    "posted",
    "publish",
    "byline",
    "meta",
    "time",
    "author",
    "submitted",
];

/// Words in an element's id, in any case, that name a date.
const PRINTED_DATE_ID_WORDS: &[&str] = &["date"];

/// An element printing a date is at most this long; a longer one is a
/// paragraph that happens to carry the class.
const MAX_PRINTED_DATE_CHARS: usize = 200;

/// At most this many date-named elements are looked at: the date sits in
/// the article's header.
const MAX_PRINTED_DATE_ELEMENTS: usize = 40;

/// A publication label is looked for in texts at most this long: a label
/// opens a short line, not a paragraph.
const MAX_LABEL_LINE_CHARS: usize = 100;

/// How far after a publication label its day may be printed, in characters.
const LABEL_WINDOW_CHARS: usize = 60;

/// How many words may stand between a publication label and its day
/// (`Veröffentlicht am Samstag, 3. Dezember`).
const LABEL_GAP_WORDS: usize = 3;

/// How many words before a printed day are read for an update label.
const LABEL_WORDS: usize = 4;

/// How many levels above a date element the label printed before it is
/// looked for (`<span>Updated on</span> <span class="date">…</span>`).
const LABEL_LEVELS: usize = 2;

/// Elements whose text is never read for a label: code and page furniture
/// that prints no article text.
const UNREAD_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "title", "option", "textarea",
];

/// How many levels above the `<h1>` the header around it may reach.
const HEADER_LEVELS: usize = 3;

/// How far before or after the headline's text a day printed next to it may
/// stand, in characters.
const HEADER_WINDOW_CHARS: usize = 250;

/// Years outside this range are not a web article's.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Month names, lower case, in the languages the pipeline knows; a newsroom
/// adds a language with its lines.
const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Russian: the month as a date prints it (of the month, `15 августа`),
    // as a heading names it, and shortened.
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    // Ukrainian: of the month, and named.
    ("січня", 1),
    ("січень", 1),
    ("лютого", 2),
    ("лютий", 2),
    ("березня", 3),
    ("березень", 3),
    ("квітня", 4),
    ("квітень", 4),
    ("травня", 5),
    ("травень", 5),
    ("червня", 6),
    ("червень", 6),
    ("липня", 7),
    ("липень", 7),
    ("серпня", 8),
    ("серпень", 8),
    ("вересня", 9),
    ("вересень", 9),
    ("жовтня", 10),
    ("жовтень", 10),
    ("листопада", 11),
    ("листопад", 11),
    ("грудня", 12),
    ("грудень", 12),
    // Polish: of the month, and named.
    ("stycznia", 1),
    ("styczeń", 1),
    ("lutego", 2),
    ("luty", 2),
    ("marca", 3),
    ("marzec", 3),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("maja", 5),
    ("maj", 5),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("lipca", 7),
    ("lipiec", 7),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("września", 9),
    ("wrzesień", 9),
    ("października", 10),
    ("październik", 10),
    ("listopada", 11),
    ("listopad", 11),
    ("grudnia", 12),
    ("grudzień", 12),
    // Turkish, also as capitals fold them (`MAYIS` is `mayis`).
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
    // Arabic: the Egyptian and Gulf names with their usual spellings, and
    // the Levantine ones written in one word (`كانون الثاني`, two words,
    // is not read).
    ("يناير", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("آذار", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("أيار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("تموز", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("آب", 8),
    ("سبتمبر", 9),
    ("أيلول", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

/// The words that follow the year and the month of a day written the
/// Chinese and Japanese way (`2020年7月12日`) or the Korean way (`2020년 7월
/// 12일`).
const CJK_DATE_UNITS: &[(&str, &str)] = &[("年", "月"), ("년", "월")];

/// A date as the page gives it: an instant with its offset, a local time
/// without one, or only a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageDate {
    /// A time with the page's own offset.
    Instant(DateTime<FixedOffset>),
    /// A time without an offset, taken as UTC for the instant.
    Local(NaiveDateTime),
    /// Only the day.
    Day(NaiveDate),
}

impl PageDate {
    /// The instant in UTC; a time without offset is taken as UTC, a day as
    /// its midnight in UTC.
    pub(crate) fn utc(self) -> DateTime<Utc> {
        match self {
            Self::Instant(at) => at.with_timezone(&Utc),
            Self::Local(at) => at.and_utc(),
            Self::Day(day) => day.and_time(chrono::NaiveTime::MIN).and_utc(),
        }
    }

    /// As the page means it: RFC 3339 with the page's offset, or
    /// `YYYY-MM-DD` when the offset (and so the instant) is not known.
    pub(crate) fn local(self) -> String {
        match self {
            Self::Instant(at) => at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
            Self::Local(at) => at.date().format("%Y-%m-%d").to_string(),
            Self::Day(day) => day.format("%Y-%m-%d").to_string(),
        }
    }

    /// The day the page prints.
    pub(crate) fn day(self) -> NaiveDate {
        match self {
            Self::Instant(at) => at.date_naive(),
            Self::Local(at) => at.date(),
            Self::Day(day) => day,
        }
    }
}

/// When the page says its article was published and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PageDates {
    /// The first publication.
    pub published: Option<PageDate>,
    /// The last change.
    pub updated: Option<PageDate>,
}

/// Reads the page's dates through the cascade in the module comment.
pub(crate) fn read(
    doc: &Document,
    furniture: &Furniture,
    metas: &MetaTags,
    json_ld: &JsonLd,
    page_url: Option<&url::Url>,
) -> PageDates {
    let printed = PrintedDays::default();
    // The page's `<time>` elements, found once for the steps reading them.
    let all_times = std::cell::OnceCell::new();
    let times = || -> &[NodeRef] { all_times.get_or_init(|| doc.select("time").nodes().to_vec()) };
    // The date of the article's `<time>` (step 5), found once: the plain
    // `date` tag gives way to it.
    let time_day = std::cell::OnceCell::new();
    let time = || time_day.get_or_init(|| time_element(doc, times(), furniture));
    let declared = json_ld
        .published
        .as_deref()
        .and_then(parse_machine)
        .or_else(|| first_meta(metas, PUBLISHED_META))
        .or_else(|| prefixed_meta(metas, PUBLISHED_META))
        .or_else(|| first_meta(metas, PLAIN_DATE_META).filter(|_| time().is_none()))
        .or_else(|| itemprop(doc, furniture, "datePublished"))
        .or_else(|| json_ld.page_published.as_deref().and_then(parse_machine));
    // A site re-stamps its metadata when it moves or republishes a story (a
    // new CMS, a site builder's `datePublished`); the article's header keeps
    // the day it first ran. An earlier day printed beside the headline that a
    // `<time>`, a date-named element or a line of its own in the header also
    // gives is taken instead.
    let declared = declared.map(|date| {
        let printed_first = |day: NaiveDate| {
            let earlier_by = (date.day() - day).num_days();
            earlier_by > 0
                && (printed.day(doc, furniture, Printed::Publication) == Some(day)
                    || time().is_some_and(|time| time.day() == day)
                    // A bare line one day before is as often the same instant
                    // in the page's own offset as a re-stamp.
                    || (earlier_by > 1 && header_prints_line(doc, furniture, day)))
        };
        printed
            .day_beside_headline(doc, furniture, Printed::Publication)
            .filter(|&day| printed_first(day))
            .map_or(date, |day| match *time() {
                // The `<time>` giving the day gives its hour too.
                Some(time) if time.day() == day => time,
                _ => PageDate::Day(day),
            })
    });
    let published = declared
        .or_else(|| *time())
        .or_else(|| {
            page_url
                .and_then(|url| day_in_path(url.path()))
                .map(PageDate::Day)
        })
        .or_else(|| labelled_day(doc, furniture).map(PageDate::Day))
        .or_else(|| {
            printed
                .day(doc, furniture, Printed::Publication)
                .map(PageDate::Day)
        })
        .or_else(|| {
            printed
                .day_beside_headline(doc, furniture, Printed::Publication)
                .map(PageDate::Day)
        })
        .or_else(|| printed.day(doc, furniture, Printed::AnyDay).map(PageDate::Day))
        .or_else(|| {
            printed
                .day_beside_headline(doc, furniture, Printed::AnyDay)
                .map(PageDate::Day)
        })
        .or_else(|| dateline(doc, furniture).map(PageDate::Day))
        .or_else(|| day_in_image_path(metas).map(PageDate::Day))
        .map(|date| in_page_time(date, times(), metas));
    let updated = json_ld
        .modified
        .as_deref()
        .and_then(parse_machine)
        .or_else(|| first_meta(metas, MODIFIED_META))
        .or_else(|| itemprop(doc, furniture, "dateModified"))
        .or_else(|| json_ld.page_modified.as_deref().and_then(parse_machine))
        .or_else(|| update_time_element(times(), furniture));
    PageDates { published, updated }
}

/// A publication given in UTC, given in the page's own time when a
/// `<time datetime>` or a publication tag prints the same instant with an
/// offset, or as a local time a whole number of quarter hours away: a page
/// giving `2023-11-09T01:49:09Z` and `<time datetime="2023-11-08 17:49:09">`
/// published on the 8th, at UTC−8.
fn in_page_time(date: PageDate, times: &[NodeRef], metas: &MetaTags) -> PageDate {
    let PageDate::Instant(at) = date else {
        return date;
    };
    if at.offset().local_minus_utc() != 0 {
        return date;
    }
    let printed = times
        .iter()
        .filter_map(|node| node.attr("datetime"))
        .filter_map(|value| parse_machine(&value))
        .collect::<Vec<_>>();
    let tagged = PUBLISHED_META
        .iter()
        .chain(PLAIN_DATE_META)
        .flat_map(|key| metas.all(key))
        .filter_map(parse_machine);
    printed
        .into_iter()
        .chain(tagged)
        .find_map(|other| match other {
            PageDate::Instant(local) if local == at && local.offset().local_minus_utc() != 0 => Some(local),
            PageDate::Local(local) => {
                let offset = (local - at.naive_utc()).num_seconds();
                let plausible =
                    offset != 0 && offset.abs() <= MAX_OFFSET_SECONDS && offset % QUARTER_HOUR_SECONDS == 0;
                let offset = FixedOffset::east_opt(i32::try_from(offset).ok()?).filter(|_| plausible)?;
                Some(at.with_timezone(&offset))
            }
            _ => None,
        })
        .map_or(date, PageDate::Instant)
}

/// Offsets from UTC are at most 14 hours, in whole quarter hours.
const MAX_OFFSET_SECONDS: i64 = 14 * 3600;

/// The smallest step of an offset from UTC.
const QUARTER_HOUR_SECONDS: i64 = 900;

/// The first tag of `keys` whose content parses as a date.
fn first_meta(metas: &MetaTags, keys: &[&str]) -> Option<PageDate> {
    keys.iter().find_map(|key| metas.all(key).find_map(parse_machine))
}

/// Keys of the meta tables too plain to be read behind a vendor's prefix
/// (`event-date`, `expiry-date`).
const UNPREFIXED_META: &[&str] = &["date", "published"];

/// The first date of a tag named by one of `keys` behind a vendor's prefix
/// and a `:`, `-`, `_` or `.` (`w-published-date`, `bt:pubdate`).
fn prefixed_meta(metas: &MetaTags, keys: &[&str]) -> Option<PageDate> {
    metas.iter().find_map(|(name, content)| {
        keys.iter()
            .filter(|key| !UNPREFIXED_META.contains(key))
            .any(|key| {
                name.strip_suffix(key)
                    .is_some_and(|prefix| prefix.ends_with([':', '-', '_', '.']))
            })
            .then(|| parse_machine(content))
            .flatten()
    })
}

/// Words of the `itemprop` or `itemtype` of a microdata item nested in the
/// page's own that is another's words: a comment, an answer to a question,
/// a review (`itemprop="suggestedAnswer"`, `itemtype=".../Comment"`).
const NESTED_ITEM_WORDS: &[&str] = &["comment", "answer", "review"];

/// An element marked with `itemprop` (not a `<meta>`, read with the tags):
/// its `content`, `datetime` or text; not one of an item nested as a
/// comment, an answer or a review ([`NESTED_ITEM_WORDS`]).
fn itemprop(doc: &Document, furniture: &Furniture, property: &str) -> Option<PageDate> {
    let selector = format!("[itemprop=\"{property}\"]");
    let marked = NarrowedSelector {
        selector: &selector,
        carries: &[("itemprop", &[])],
    };
    marked
        .select(doc)
        .filter(|node| !furniture.holds(node) && !in_nested_item(node))
        .find_map(|node| {
            ["content", "datetime", "title"]
                .iter()
                .find_map(|attr| node.attr(attr).and_then(|value| parse_machine(&value)))
                .or_else(|| printed_publication(&node.text()).map(PageDate::Day))
        })
}

/// Whether the microdata item an element belongs to (the nearest
/// `itemscope`) is a comment, an answer or a review by its `itemprop` or
/// `itemtype`.
pub(crate) fn in_nested_item(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .find(|element| element.attr("itemscope").is_some())
        .is_some_and(|item| {
            let property = item.attr("itemprop").unwrap_or_default().to_ascii_lowercase();
            let kind = item.attr("itemtype").unwrap_or_default().to_ascii_lowercase();
            NESTED_ITEM_WORDS
                .iter()
                .any(|word| property.contains(word) || kind.ends_with(word))
        })
}

/// How many of the page's first paragraphs are read for a dateline.
const DATELINE_PARAGRAPHS: usize = 3;

/// A dateline opens a paragraph of at least this many characters: a story's
/// first, not a line that only prints a day.
const MIN_DATELINE_PARAGRAPH_CHARS: usize = 80;

/// How many words a dateline's place may have before its day (`BERLIN, 27.
/// Januar 2022 –`, `New York City, May 4, 2024 —`).
const MAX_DATELINE_PLACE_WORDS: usize = 3;

/// The day a story's dateline prints: one of the page's first paragraphs
/// (not in furniture) opens with a day, after a place and a comma or
/// directly (`27.1.2022 – Bei der Erinnerung …`), as press releases and
/// wire copy open.
fn dateline(doc: &Document, furniture: &Furniture) -> Option<NaiveDate> {
    doc.select("p")
        .nodes()
        .iter()
        .filter(|paragraph| !furniture.holds(paragraph))
        .filter_map(|paragraph| {
            let text = paragraph.text();
            let text = text.trim();
            (text.chars().count() >= MIN_DATELINE_PARAGRAPH_CHARS).then(|| text.to_owned())
        })
        .take(DATELINE_PARAGRAPHS)
        .find_map(|text| {
            let opening: String = text.chars().take(LABEL_WINDOW_CHARS).collect();
            let tokens = tokens(&opening);
            let place = tokens
                .iter()
                .take(MAX_DATELINE_PLACE_WORDS + 1)
                .position(|token| *token == Token::Separator(','))
                .filter(|&comma| {
                    tokens[..comma]
                        .iter()
                        .all(|token| matches!(token, Token::Word(_)))
                })
                .map_or(0, |comma| comma + 1);
            printed_at(&tokens[place..])
        })
}

/// The day the page's own text prints most often, the latest of equals:
/// a page that marks no date still prints its own, in a post's footer line
/// or a press release's closing, and prints it more often than any other.
/// Furniture (comments, teasers, sidebars, footers) is not read, nor a day
/// an update label stands before.
pub(crate) fn most_printed_day(doc: &Document, furniture: &Furniture) -> Option<NaiveDate> {
    let body = doc.select_single("body").nodes().first().copied()?;
    let tokens = tokens(&furniture.own_text(&body));
    let mut counts: std::collections::HashMap<NaiveDate, usize> = std::collections::HashMap::new();
    for at in 0..tokens.len() {
        if let Some(day) = printed_at(&tokens[at..]).filter(|_| !update_label_before(&tokens[..at])) {
            *counts.entry(day).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(day, count)| (count, day))
        .map(|(day, _)| day)
}

/// Meta tags naming the picture shared with the page.
const SHARED_IMAGE_META: &[&str] = &["og:image", "twitter:image"];

/// A full day in the path of the picture shared with the page: a newsroom's
/// CMS files a story's pictures under the day it went out
/// (`/files/2016/05/04/cover.png`).
fn day_in_image_path(metas: &MetaTags) -> Option<NaiveDate> {
    SHARED_IMAGE_META.iter().find_map(|key| {
        metas.all(key).find_map(|image| {
            url::Url::parse(image)
                .ok()
                .and_then(|url| day_in_path(url.path()))
        })
    })
}

/// The hAtom publication, its instant in its `title`.
static HATOM_PUBLISHED: NarrowedSelector = NarrowedSelector {
    selector: ".published[title], abbr[title][class*=\"date\"]",
    carries: &[("title", &[])],
};

/// Whether a `<time>` gives the last change: its class or its parent's
/// names one (`updated`, `<div class="field--name-changed"><time>`), or an
/// update label stands before it (`Last updated <time>`).
fn is_update_time(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.parent())
        .any(|element| names_update(&element))
        || update_label_before(&tokens(&words_before(node)))
}

/// The `datetime` of the first `<time>` of the article that gives the last
/// change.
fn update_time_element(times: &[NodeRef], furniture: &Furniture) -> Option<PageDate> {
    times
        .iter()
        .filter(|node| node.has_attr("datetime") && !furniture.holds(node) && is_update_time(node))
        .find_map(|node| node.attr("datetime").and_then(|value| parse_machine(&value)))
}

/// A `<time>` of the article: one in the headline's header (the block
/// [`HEADER_LEVELS`] above the first `<h1>`, inside the `<body>`) first, then any other; among
/// each, one marked as the publication (`pubdate`, a class naming it) first,
/// else the first one that is not an update. Its `datetime`, else the day it
/// prints (a `datetime` such as `01-11-2023` says nothing plain); then the
/// hAtom `.published[title]`.
fn time_element(doc: &Document, times: &[NodeRef], furniture: &Furniture) -> Option<PageDate> {
    let candidates: Vec<&NodeRef> = times
        .iter()
        .filter(|node| !furniture.holds(node) && !is_update_time(node))
        .collect();
    let header = header_block(doc, furniture);
    let in_header: Vec<&NodeRef> = candidates
        .iter()
        .copied()
        .filter(|node| {
            header.is_some_and(|header| node.ancestors_it(None).any(|block| block.id == header.id))
        })
        .collect();
    let marked = |node: &&NodeRef| {
        node.attr("pubdate").is_some() || names_any(node, &["publish", "entry-date", "post-date"])
    };
    in_header
        .iter()
        .filter(|node| marked(node))
        .chain(in_header.iter())
        .chain(candidates.iter().filter(|node| marked(node)))
        .chain(candidates.iter())
        .copied()
        .find_map(|node| {
            node.attr("datetime")
                .and_then(|value| parse_machine(&value))
                .or_else(|| printed_day_of(node, Printed::Publication).map(PageDate::Day))
        })
        .or_else(|| {
            HATOM_PUBLISHED
                .select(doc)
                .filter(|node| !furniture.holds(node))
                .find_map(|node| node.attr("title").and_then(|value| parse_machine(&value)))
        })
}

/// The block around the headline that holds the article's header: the
/// widest of the [`HEADER_LEVELS`] above the first `<h1>` short of the
/// page's `<body>`.
fn header_block<'a>(doc: &'a Document, furniture: &Furniture) -> Option<NodeRef<'a>> {
    furniture.headline(doc).and_then(|heading| {
        heading
            .ancestors_it(Some(HEADER_LEVELS))
            .take_while(|block| !matches!(block.node_name().as_deref(), Some("html" | "body")))
            .last()
    })
}

/// A line printing a day and little else is at most this long
/// (`Published March 2, 2026`).
const MAX_DATE_LINE_CHARS: usize = 30;

/// Whether an element of the article's header prints `day` as a line of its
/// own (`<p>March 2, 2026</p>`): a sentence of the story that names a day
/// is longer.
fn header_prints_line(doc: &Document, furniture: &Furniture, day: NaiveDate) -> bool {
    header_block(doc, furniture).is_some_and(|header| {
        header
            .descendants_it()
            .filter(|node| node.is_element() && !is_unread(node))
            .any(|node| {
                spaced_text_within(&node, MAX_DATE_LINE_CHARS)
                    .is_some_and(|line| printed_publication(&line) == Some(day))
            })
    })
}

/// What the printed-day steps gather from the page, gathered once for the
/// publication pass and again read by the any-day pass (steps 8–10): the
/// elements whose class or id names a date, with their text, and the text
/// around the headline.
#[derive(Default)]
struct PrintedDays<'a> {
    /// The elements whose class or id names a date that are read, in page
    /// order, each with its text once read.
    elements: std::cell::OnceCell<Vec<DateElement<'a>>>,
    /// The headline and the blocks around it.
    headline: std::cell::OnceCell<Option<HeadlineBlocks<'a>>>,
}

/// The first `<h1>` and the blocks around it, each with the texts before
/// and after the headline in it once read.
struct HeadlineBlocks<'a> {
    /// The headline's text.
    title: String,
    /// The blocks, nearest first, with the texts around the headline.
    #[allow(clippy::type_complexity)]
    blocks: Vec<(NodeRef<'a>, std::cell::OnceCell<Option<(String, String)>>)>,
}

/// An element whose class or id names a date.
struct DateElement<'a> {
    node: NodeRef<'a>,
    /// Its text, when short enough to be a date, once read.
    text: std::cell::OnceCell<Option<String>>,
}

impl<'a> PrintedDays<'a> {
    /// A day printed in an element whose class or id names a date.
    fn day(&self, doc: &'a Document, furniture: &Furniture, wanted: Printed) -> Option<NaiveDate> {
        self.elements
            .get_or_init(|| date_elements(doc, furniture))
            .iter()
            .find_map(|element| {
                let text = element
                    .text
                    .get_or_init(|| spaced_text_within(&element.node, MAX_PRINTED_DATE_CHARS))
                    .as_deref()?;
                let before = match wanted {
                    Printed::Publication => words_before(&element.node),
                    Printed::AnyDay => String::new(),
                };
                wanted.day(&before, text)
            })
    }

    /// A day printed just before or after the first `<h1>`, in the blocks
    /// around it: the article's header.
    fn day_beside_headline(
        &self,
        doc: &'a Document,
        furniture: &Furniture,
        wanted: Printed,
    ) -> Option<NaiveDate> {
        let headline = self
            .headline
            .get_or_init(|| headline_blocks(furniture.headline(doc)?))
            .as_ref()?;
        headline.blocks.iter().find_map(|(block, texts)| {
            let (before, after) = texts.get_or_init(|| beside(block, &headline.title)).as_ref()?;
            wanted.day("", after).or_else(|| wanted.day("", before))
        })
    }
}

/// The elements whose class or id names a date ([`PRINTED_DATE_CLASS_WORDS`],
/// [`PRINTED_DATE_ID_WORDS`]), in page order: at most
/// [`MAX_PRINTED_DATE_ELEMENTS`] of them, less those in furniture or naming
/// an update.
fn date_elements<'a>(doc: &'a Document, furniture: &Furniture) -> Vec<DateElement<'a>> {
    // Every class of the page is read: its words are found in one pass.
    static CLASS_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PRINTED_DATE_CLASS_WORDS)
            .expect("the date class words build an automaton")
    });
    let names_a_date = |node: &NodeRef| {
        node.query_or(false, |node| {
            node.as_element().is_some_and(|element| {
                element
                    .attr_ref(local_name!("class"))
                    .is_some_and(|class| CLASS_WORDS.is_match(class))
                    || element.attr_ref(local_name!("id")).is_some_and(|id| {
                        PRINTED_DATE_ID_WORDS
                            .iter()
                            .any(|word| holds_ignoring_case(id, word))
                    })
            })
        })
    };
    doc.root()
        .descendants_it()
        .filter(|node| names_a_date(node))
        .filter(|node| {
            !matches!(
                node.node_name().as_deref(),
                Some("html" | "body" | "script" | "style")
            )
        })
        .take(MAX_PRINTED_DATE_ELEMENTS)
        .filter(|node| !furniture.holds(node) && !names_update(node))
        .map(|node| DateElement {
            node,
            text: std::cell::OnceCell::new(),
        })
        .collect()
}

/// Which printed days a step takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printed {
    /// Only a day no update label stands before.
    Publication,
    /// Any day, the last change too: for a page that gives no other.
    AnyDay,
}

impl Printed {
    /// The day `text` prints that this step takes, `before` being what the
    /// page prints just before it.
    fn day(self, before: &str, text: &str) -> Option<NaiveDate> {
        match self {
            Self::Publication => printed_publication_after(before, text),
            Self::AnyDay => printed(text),
        }
    }
}

/// The day an element prints, when it is short enough to be a date; for a
/// publication, not one after an update label, in the element or just
/// before it.
fn printed_day_of(node: &NodeRef, wanted: Printed) -> Option<NaiveDate> {
    let text = spaced_text_within(node, MAX_PRINTED_DATE_CHARS)?;
    let before = match wanted {
        Printed::Publication => words_before(node),
        Printed::AnyDay => String::new(),
    };
    wanted.day(&before, &text)
}

/// The text of an element with a space between the texts of its
/// elements, as a reader sees them (`<p>…internet</p><p>December 13, 2025`
/// is no word `internetDecember`; a byline's `<span>Ann Lee</span><time>May
/// 4</time>` is `Ann Lee May 4`), runs of white space as one space.
pub(super) fn spaced_text(node: &NodeRef) -> String {
    spaced_text_within(node, usize::MAX).unwrap_or_default()
}

/// [`spaced_text`] when it is at most `limit` characters long, read no
/// further than that (a wrapper whose class names a date may hold the page).
fn spaced_text_within(node: &NodeRef, limit: usize) -> Option<String> {
    let mut text = String::new();
    let mut chars = 0;
    let too_long = spaced_text_until(node, &mut text, |_, added| {
        chars += added.chars().count();
        chars > limit
    });
    (!too_long).then_some(text)
}

/// Builds [`spaced_text`] in `text` word by word, asking `enough` after
/// each word with the text so far and what was just added (the word and
/// the space before it); stops as soon as it holds. Gives whether it did.
fn spaced_text_until(node: &NodeRef, text: &mut String, mut enough: impl FnMut(&str, &str) -> bool) -> bool {
    std::iter::once(*node).chain(node.descendants_it()).any(|part| {
        read_text(&part, |part| {
            part.split_whitespace().any(|word| {
                let start = text.len();
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(word);
                let so_far: &str = text;
                enough(so_far, &so_far[start..])
            })
        })
        .unwrap_or(false)
    })
}

/// The words printed just before an element, in its parent or, when
/// nothing stands before it there, in its grandparent: where a label in an
/// element of its own stands (`<span>Updated on</span> <span class="date">`).
fn words_before(node: &NodeRef) -> String {
    let mut child = *node;
    for _ in 0..LABEL_LEVELS {
        let Some(parent) = child.parent() else {
            break;
        };
        // The siblings before the element, read back from it only as far
        // as the label window reaches.
        // An element longer than the window is not read (a paragraph or a
        // post before the element holds no label of it): the words before
        // stop there.
        let mut before = String::new();
        let mut siblings = child.prev_sibling();
        let mut stopped = false;
        while let Some(sibling) = siblings {
            let text = if sibling.is_element() {
                spaced_text_within(&sibling, LABEL_WINDOW_CHARS)
            } else {
                Some(sibling.text().to_string())
            };
            let Some(text) = text else {
                stopped = true;
                break;
            };
            before.insert(0, ' ');
            before.insert_str(0, &text);
            if before.chars().count() > LABEL_WINDOW_CHARS {
                break;
            }
            siblings = sibling.prev_sibling();
        }
        if stopped || before.chars().any(char::is_alphanumeric) {
            let start = before
                .char_indices()
                .rev()
                .nth(LABEL_WINDOW_CHARS)
                .map_or(0, |(at, _)| at);
            return before[start..].to_owned();
        }
        child = parent;
    }
    String::new()
}

/// A day printed after a publication label of the marker tables: in a
/// short text that opens with the label (`Published on 2 May 2024`,
/// `Datum: 26. Januar 2022`), within [`LABEL_WINDOW_CHARS`] of it, in the
/// label's own text or the texts after it (`<dt>Datum</dt><dd>12.01.2017`).
fn labelled_day(doc: &Document, furniture: &Furniture) -> Option<NaiveDate> {
    let texts: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|node| node.is_text() && node.parent().is_some_and(|parent| !is_unread(&parent)))
        .collect();
    texts.iter().enumerate().find_map(|(at, node)| {
        let after_label = read_text(node, |text| {
            let line = text.trim();
            if line.is_empty() || line.chars().nth(MAX_LABEL_LINE_CHARS).is_some() {
                return None;
            }
            markers::publication_label_end(line).map(|end| line[end..].to_owned())
        })??;
        if node.parent().is_some_and(|parent| furniture.holds(&parent)) {
            return None;
        }
        let mut window = after_label;
        for next in &texts[at + 1..] {
            if window.chars().count() >= LABEL_WINDOW_CHARS {
                break;
            }
            window.push(' ');
            window.push_str(next.text().trim());
        }
        let window: String = window.chars().take(LABEL_WINDOW_CHARS).collect();
        day_soon_after_label(&window)
    })
}

/// The day printed at the start of the text after a label, a few words
/// such as `on`, `am` or a weekday at most before it (a sentence opening
/// with `Published reports say …` dates nothing), unless an update label
/// stands before it.
fn day_soon_after_label(text: &str) -> Option<NaiveDate> {
    let tokens = tokens(text);
    let mut words = 0;
    for at in 0..tokens.len() {
        if let Some(day) = printed_at(&tokens[at..]) {
            return (!update_label_before(&tokens[..at])).then_some(day);
        }
        if matches!(tokens[at], Token::Word(_)) {
            words += 1;
            if words > LABEL_GAP_WORDS {
                return None;
            }
        }
    }
    None
}

/// Words in the class or id of an `<h1>` that holds the site's logo or
/// name, printed on every page of the site (`<h1 class="site-title">`,
/// `<h1 id="logo">`): a masthead, not the article's headline.
const MASTHEAD_WORDS: &[&str] = &["logo", "site-title", "site-name", "sitename", "masthead", "brand"];

/// Whether a heading's class or id names it a masthead ([`MASTHEAD_WORDS`]).
pub(crate) fn is_masthead(heading: &NodeRef) -> bool {
    names_any(heading, MASTHEAD_WORDS)
}

/// The page's first `<h1>` that prints a letter or a figure and is no
/// masthead.
fn first_headline(doc: &Document) -> Option<NodeRef<'_>> {
    doc.select("h1").nodes().iter().copied().find(|heading| {
        !is_masthead(heading)
            && heading
                .descendants_it()
                .any(|node| read_text(&node, |text| text.chars().any(char::is_alphanumeric)).unwrap_or(false))
    })
}

/// The headline's text and the blocks around it ([`HEADER_LEVELS`]),
/// nearest first.
fn headline_blocks(heading: NodeRef<'_>) -> Option<HeadlineBlocks<'_>> {
    let title = spaced_text(&heading);
    (!title.is_empty()).then(|| HeadlineBlocks {
        blocks: heading
            .ancestors_it(Some(HEADER_LEVELS))
            .map(|block| (block, std::cell::OnceCell::new()))
            .collect(),
        title,
    })
}

/// The texts just before and after `title` in `block`'s text, at most
/// [`HEADER_WINDOW_CHARS`] each, when the block prints it.
fn beside(block: &NodeRef, title: &str) -> Option<(String, String)> {
    // The block, often most of the page, is read only until the window
    // after the first `title` is full.
    // The empty title stands at the start of any text.
    let mut at = title.is_empty().then_some(0);
    let mut text = String::new();
    spaced_text_until(block, &mut text, |text, added| {
        if at.is_none()
            && let Some(&last) = title.as_bytes().last()
        {
            // No `title` ended before: the first ends in what was added,
            // where the title's last byte stands.
            let added_from = text.len() - added.len();
            at = memchr::memchr_iter(last, &text.as_bytes()[added_from..])
                .filter_map(|end| (added_from + end + 1).checked_sub(title.len()))
                .find(|&start| text.as_bytes()[start..].starts_with(title.as_bytes()));
        }
        at.is_some_and(|at| text[at + title.len()..].chars().count() >= HEADER_WINDOW_CHARS)
    });
    let at = at?;
    let before: String = text[..at]
        .chars()
        .rev()
        .take(HEADER_WINDOW_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at + title.len()..]
        .chars()
        .take(HEADER_WINDOW_CHARS)
        .collect();
    Some((before, after))
}

/// Where the article's own header stands, so that a wrapper holding both
/// the article and furniture (`<div class="widget Blog">` around a blog's
/// posts) is not taken for furniture.
pub(crate) struct Furniture {
    /// The ancestors of the page's first `<h1>` and of its first post title
    /// marked so: an element among them holds
    /// the article's headline, so it is no teaser, comment or sidebar.
    headline_ancestors: Vec<dom_query::NodeId>,
    /// How many characters the page's `<body>` holds, counted when first
    /// needed: a wrapper named after a sidebar that holds most of them is
    /// the page's layout, not a sidebar.
    body_chars: std::cell::OnceCell<usize>,
    /// The page's `<body>`.
    body: Option<dom_query::NodeId>,
    /// Whether each element named after a sidebar is a layout, as decided.
    layouts: std::cell::RefCell<std::collections::HashMap<dom_query::NodeId, bool>>,
    /// The page's headline, found once for every step that reads it.
    headline: Option<dom_query::NodeId>,
}

impl Furniture {
    pub(crate) fn new(doc: &Document) -> Self {
        let mut headline_ancestors = Vec::new();
        let headline = first_headline(doc);
        for heading in [headline, MARKED_HEADLINES.select(doc).next()].iter().flatten() {
            headline_ancestors.extend(heading.ancestors_it(None).map(|node| node.id));
        }
        Self {
            headline_ancestors,
            body_chars: std::cell::OnceCell::new(),
            body: doc.select_single("body").nodes().first().map(|body| body.id),
            layouts: std::cell::RefCell::default(),
            headline: headline.map(|heading| heading.id),
        }
    }

    /// The page's first `<h1>` that prints a letter or a figure and is no
    /// masthead.
    fn headline<'a>(&self, doc: &'a Document) -> Option<NodeRef<'a>> {
        self.headline.map(|id| NodeRef::new(id, &doc.tree))
    }

    /// Whether the element or an ancestor is a comment, a reader's review, a teaser or
    /// furniture that does not hold the article's headline, where a date is
    /// looked for. The page's `<html>` and `<body>`, whose classes describe
    /// the page's layout (`one-sidebar sidebar-second`), are neither; nor
    /// is a wrapper named after a sidebar that holds most of the page's
    /// text (`layoutTwoColumnsRightSidebar`), nor a footer inside an
    /// `<article>` (the article's own, with its author and date).
    pub(crate) fn holds(&self, node: &NodeRef) -> bool {
        std::iter::once(*node)
            .chain(node.ancestors_it(None))
            .any(|element| self.is_furniture(&element))
    }

    /// Whether the element itself, its ancestors aside, is furniture as
    /// [`Furniture::holds`] reads it.
    fn is_furniture(&self, element: &NodeRef) -> bool {
        !self.headline_ancestors.contains(&element.id)
            && !matches!(element.node_name().as_deref(), Some("html" | "body"))
            && (((names_any(element, EXCLUDED_ANCESTOR_WORDS) || names_any(element, REVIEW_WORDS))
                && !self.is_layout(element)
                && !self.is_article_aside(element))
                || (is_footer(element) && !in_article(element))
                || opens_any(element, FURNITURE_PREFIXES)
                || element
                    .node_name()
                    .as_deref()
                    .is_some_and(|name| FURNITURE_ELEMENTS.contains(&name)))
    }

    /// The text a reader sees under `root` outside furniture and the
    /// elements of [`UNREAD_ELEMENTS`], a space between elements.
    fn own_text(&self, root: &NodeRef) -> String {
        let mut text = String::new();
        let mut pending = vec![*root];
        while let Some(node) = pending.pop() {
            if read_text(&node, |part| text.push_str(part)).is_some() {
                continue;
            }
            if !node.is_element() || is_unread(&node) || self.is_furniture(&node) {
                continue;
            }
            text.push(' ');
            let children: Vec<NodeRef> = node.children_it(false).collect();
            pending.extend(children.into_iter().rev());
        }
        text
    }

    /// Whether an element named after a sidebar stands inside the
    /// `<article>` that holds the headline: the article's own details
    /// (its date, its author, its tags) set beside its text.
    fn is_article_aside(&self, element: &NodeRef) -> bool {
        names_any(element, SIDEBAR_WORDS)
            && element.ancestors_it(None).any(|ancestor| {
                ancestor.node_name().as_deref() == Some("article")
                    && self.headline_ancestors.contains(&ancestor.id)
            })
    }

    /// Whether an element named after a sidebar holds more than
    /// [`LAYOUT_SHARE`] of the page's text: a layout around the article.
    fn is_layout(&self, element: &NodeRef) -> bool {
        if !names_any(element, SIDEBAR_WORDS) {
            return false;
        }
        if let Some(known) = self.layouts.borrow().get(&element.id) {
            return *known;
        }
        let body_chars = *self.body_chars.get_or_init(|| {
            self.body
                .map_or(0, |body| read_chars(&NodeRef::new(body, element.tree)))
        });
        let chars = read_chars(element);
        #[allow(clippy::cast_precision_loss)]
        let layout = body_chars > 0 && chars as f64 > body_chars as f64 * LAYOUT_SHARE;
        self.layouts.borrow_mut().insert(element.id, layout);
        layout
    }

    /// Whether the element or an ancestor is a comment or a teaser, where a
    /// byline is looked for: a post's own footer and a page builder's
    /// widgets (`elementor-widget-author-box`) print the article's author,
    /// so footers and widgets are read there.
    pub(crate) fn holds_byline(&self, node: &NodeRef) -> bool {
        self.holds_any(node, &[EXCLUDED_ANCESTOR_WORDS], false)
    }

    /// Whether the element or an ancestor not holding the headline names
    /// one of the words of `tables`, or is a `<footer>` when `footers` counts.
    fn holds_any(&self, node: &NodeRef, tables: &[&[&str]], footers: bool) -> bool {
        std::iter::once(*node)
            .chain(node.ancestors_it(None))
            .filter(|element| !self.headline_ancestors.contains(&element.id))
            .any(|element| {
                tables.iter().any(|words| names_any(&element, words))
                    || (footers && element.node_name().as_deref() == Some("footer"))
            })
    }
}

/// How many characters of text an element holds that a reader sees: a
/// page's inline scripts and styles (a slider's settings, a store's state)
/// are not its text.
fn read_chars(element: &NodeRef) -> usize {
    element
        .descendants_it()
        .filter(|text| !text.parent().is_some_and(|parent| is_unread(&parent)))
        .filter_map(|text| read_text(&text, |text| text.chars().count()))
        .sum()
}

/// Reads a text node's text where it is stored, without the copy `text()`
/// makes: this is asked of every text of the page. `None` for any other
/// node.
fn read_text<T>(node: &NodeRef, read: impl FnOnce(&str) -> T) -> Option<T> {
    node.query(|node| match &node.data {
        NodeData::Text { contents } => Some(read(contents)),
        _ => None,
    })
    .flatten()
}

/// Whether an element is one of [`UNREAD_ELEMENTS`]; asked of the parent
/// of every text, so its name is compared where it is stored, not copied.
fn is_unread(element: &NodeRef) -> bool {
    element.query_or(false, |node| {
        node.as_element()
            .is_some_and(|element| UNREAD_ELEMENTS.contains(&&*element.name.local))
    })
}

/// Whether an element is a footer: a `<footer>` or named after one.
fn is_footer(element: &NodeRef) -> bool {
    element.node_name().as_deref() == Some("footer") || names_any(element, FURNITURE_WORDS)
}

/// Whether an element stands inside an `<article>`.
fn in_article(element: &NodeRef) -> bool {
    element
        .ancestors_it(None)
        .any(|ancestor| ancestor.node_name().as_deref() == Some("article"))
}

/// Whether one of the element's class names opens with one of `prefixes`.
fn opens_any(element: &NodeRef, prefixes: &[&str]) -> bool {
    element.attr("class").is_some_and(|class| {
        class.split_whitespace().any(|name| {
            let name = name.to_ascii_lowercase();
            prefixes.iter().any(|prefix| name.starts_with(prefix))
        })
    })
}

/// A post's title marked as such: blogs title their posts so in an `<h2>`
/// or `<h3>`, under an `<h1>` naming the blog.
static MARKED_HEADLINES: NarrowedSelector = NarrowedSelector {
    selector: ".entry-title, .post-title, [itemprop=\"headline\"]",
    carries: &[("class", &["title"]), ("itemprop", &[])],
};

/// Class-name prefixes that file a post under a taxonomy term
/// (`category-popular`, `tag-comments`): the term says nothing about the
/// element's place in the page.
const TAXONOMY_PREFIXES: &[&str] = &["category-", "tag-", "topic-", "post_tag-", "format-", "type-"];

/// Whether one of the element's class names or its id contains one of
/// `words` (lower case); taxonomy class names are not read.
fn names_any(node: &NodeRef, words: &[&str]) -> bool {
    let names_one = |name: &str| {
        !TAXONOMY_PREFIXES
            .iter()
            .any(|prefix| opens_ignoring_case(name, prefix))
            && words.iter().any(|word| holds_ignoring_case(name, word))
    };
    node.query_or(false, |node| {
        node.as_element().is_some_and(|element| {
            element
                .attr_ref(local_name!("class"))
                .is_some_and(|class| class.split_whitespace().any(names_one))
                || element.attr_ref(local_name!("id")).is_some_and(names_one)
        })
    })
}

/// Whether `text` holds `word` (lower case) in any ASCII case, as
/// `text.to_ascii_lowercase().contains(word)` without the copy: this is
/// asked of every class name in the page.
pub(super) fn holds_ignoring_case(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    // The rest is compared only where the first letter stands.
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text).any(|at| {
        text.get(at + 1..at + word.len())
            .is_some_and(|after| after.eq_ignore_ascii_case(rest))
    })
}

/// Whether `text` opens with `prefix` (lower case) in any ASCII case.
fn opens_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A machine-readable date: ISO 8601 or RFC 3339 with or without offset or
/// time (`2024-05-17`, `2024-05-17T10:00:00+0200`, `2024-05-17 10:00:00`),
/// RFC 2822, or failing those a day written out (`17 May 2024`).
pub(crate) fn parse_machine(value: &str) -> Option<PageDate> {
    let value = value.trim();
    let date = parse_instant(value)
        .map(PageDate::Instant)
        .or_else(|| parse_local(value).map(PageDate::Local))
        .or_else(|| leading_day(value).map(PageDate::Day))
        .or_else(|| printed(value).map(PageDate::Day))?;
    let year = match date {
        PageDate::Instant(at) => at.year(),
        PageDate::Local(at) => at.year(),
        PageDate::Day(day) => day.year(),
    };
    YEARS.contains(&year).then_some(date)
}

/// A time with an offset.
fn parse_instant(value: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Some(at);
    }
    const FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M%z",
    ];
    FORMATS
        .iter()
        .find_map(|format| DateTime::parse_from_str(value, format).ok())
        .or_else(|| DateTime::parse_from_rfc2822(value).ok())
}

/// A time without an offset.
fn parse_local(value: &str) -> Option<NaiveDateTime> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ];
    let value = value.strip_suffix('Z').unwrap_or(value);
    FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
}

/// The day at the start of a value (`2024-05-17…`, `2024/05/17`,
/// `20240517`), whatever follows it.
fn leading_day(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10).unwrap_or(value);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(head, format) {
            return Some(day);
        }
    }
    let digits = value.get(..8)?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && value.len() == 8)
        .then(|| NaiveDate::parse_from_str(digits, "%Y%m%d").ok())
        .flatten()
}

/// A full day in a URL path: `/2024/05/17/`, `2024-05-17` in a segment,
/// `/2024-05/17/` (as Chinese news sites file stories), the month by its
/// name in a folder of its own (`/2024/may/17/`, `/2024/october/03/`, as
/// some newsrooms file stories), a segment of its own written `20240517`,
/// or the day first as a newsroom in Europe prints it
/// (`report_of_17.05.2024`, `/news/17-05-2024`, the order plain as in
/// [`printed`]).
pub(crate) fn day_in_path(path: &str) -> Option<NaiveDate> {
    let tokens = tokens(path);
    let compact = path.split('/').find_map(|segment| {
        let digits = segment.as_bytes();
        if digits.len() != 8 || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let number = |range: std::ops::Range<usize>| segment[range].parse::<u32>().ok();
        valid_day(number(0..4)?, number(4..6)?, number(6..8)?)
    });
    tokens
        .windows(5)
        .find_map(|window| match window {
            [
                Token::Number(year, 4),
                Token::Separator(a),
                Token::Number(month, 1..=2),
                Token::Separator(b),
                Token::Number(day, 1..=2),
            ] if (a == b && matches!(a, '/' | '-' | '_')) || (*a, *b) == ('-', '/') => {
                valid_day(*year, *month, *day)
            }
            [
                Token::Number(year, 4),
                Token::Separator('/'),
                Token::Word(name),
                Token::Separator('/'),
                Token::Number(day, 1..=2),
            ] => valid_day(*year, month(name)?, *day),
            _ => None,
        })
        .or(compact)
        .or_else(|| {
            // Only with the year in full: `/notes/1.2.24` is a version.
            (0..tokens.len()).find_map(|at| match &tokens[at..] {
                [_, _, _, _, Token::Number(_, 4), ..] => day_first_at(&tokens[at..]),
                _ => None,
            })
        })
}

/// The first day printed in a text: `17.05.2024`, `17. Mai 2024`,
/// `17 May 2024`, `May 17th, 2024`, `2024 May 17`, `2024-05-17`, `2024/05/17`,
/// `2024年5月17日`, or `05/17/2024` when the order is unambiguous.
pub(crate) fn printed(text: &str) -> Option<NaiveDate> {
    let tokens = tokens(text);
    (0..tokens.len()).find_map(|at| printed_at(&tokens[at..]))
}

/// The first day printed in a text that no update label stands before:
/// `Published 2 May 2024, last updated 5 May 2024` gives the 2nd, `Updated
/// on 5 May 2024` none.
pub(crate) fn printed_publication(text: &str) -> Option<NaiveDate> {
    printed_publication_after("", text)
}

/// The first day printed in `text` that no update label stands before,
/// `before` being what the page prints just before `text`.
fn printed_publication_after(before: &str, text: &str) -> Option<NaiveDate> {
    let mut all = tokens(before);
    let start = all.len();
    all.extend(tokens(text));
    (start..all.len()).find_map(|at| {
        let day = printed_at(&all[at..])?;
        (!update_label_before(&all[..at])).then_some(day)
    })
}

/// Whether the last words before a day (at most [`LABEL_WORDS`], back to
/// the year of an earlier day; a time between them is passed over) end
/// with an update label.
fn update_label_before(tokens: &[Token]) -> bool {
    let mut words: Vec<&str> = tokens
        .iter()
        .rev()
        .take_while(|token| !matches!(token, Token::Number(_, 4)))
        .filter_map(|token| match token {
            Token::Word(word) => Some(word.as_str()),
            _ => None,
        })
        .take(LABEL_WORDS)
        .collect();
    words.reverse();
    (0..words.len()).any(|end| markers::ends_with_update_label(&words[..=end].join(" ")))
}

/// A day printed at the start of `tokens`.
fn printed_at(tokens: &[Token]) -> Option<NaiveDate> {
    use Token::{Number, Separator, Word};
    if let Some(day) = day_first_at(tokens) {
        return Some(day);
    }
    match tokens {
        [
            Number(year, 4),
            Separator(a),
            Number(month, 1..=2),
            Separator(b),
            Number(day, 1..=2),
            ..,
        ] if a == b && matches!(a, '-' | '/' | '.') => valid_day(*year, *month, *day),
        [
            Number(year, 4),
            Word(year_unit),
            Number(month, 1..=2),
            Word(month_unit),
            Number(day, 1..=2),
            ..,
        ] if CJK_DATE_UNITS.contains(&(year_unit.as_str(), month_unit.as_str())) => {
            valid_day(*year, *month, *day)
        }
        [Number(day, 1..=2), rest @ ..] => {
            let rest = rest.strip_prefix(&[Separator('.')]).unwrap_or(rest);
            let rest = skip_words(rest, ORDINAL_SUFFIXES);
            let rest = skip_words(rest, MONTH_LINKS);
            let [Word(name), rest @ ..] = rest else {
                return None;
            };
            let month = month(name)?;
            let rest = skip_separators(rest);
            let rest = skip_words(rest, MONTH_LINKS);
            match rest {
                [Number(year, 4), ..] => valid_day(*year, month, *day),
                _ => None,
            }
        }
        [Number(year, 4), rest @ ..] => {
            // The year first, then the month's name (`2026 Mar 2`, as
            // scholarly indexes print it; `2026. március 2.`).
            let rest = rest.strip_prefix(&[Separator('.')]).unwrap_or(rest);
            let [Word(name), rest @ ..] = rest else {
                return None;
            };
            let month = month(name)?;
            match skip_separators(rest) {
                [Number(day, 1..=2), ..] => valid_day(*year, month, *day),
                _ => None,
            }
        }
        [Word(name), rest @ ..] => {
            let month = month(name)?;
            let rest = skip_separators(rest);
            let [Number(day, 1..=2), rest @ ..] = rest else {
                return None;
            };
            let rest = skip_words(rest, ORDINAL_SUFFIXES);
            match skip_separators(rest) {
                [Number(year, 4), ..] => valid_day(*year, month, *day),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A day written in figures with the year last at the start of `tokens`:
/// `17.05.2024` (or `17.05.24`), and `17/05/2024` or `05/17/2024` (also
/// with `-`) only when the order of day and month is plain.
fn day_first_at(tokens: &[Token]) -> Option<NaiveDate> {
    use Token::{Number, Separator};
    match tokens {
        [
            Number(day, 1..=2),
            Separator('.'),
            Number(month, 1..=2),
            Separator('.'),
            Number(year, 2 | 4),
            ..,
        ] => valid_day(full_year(*year), *month, *day),
        [
            Number(first, 1..=2),
            Separator(a),
            Number(second, 1..=2),
            Separator(b),
            Number(year, 4),
            ..,
        ] if a == b && matches!(a, '/' | '-') => {
            // Day and month in either order, only when the order is plain.
            match (*first > 12, *second > 12) {
                (true, false) => valid_day(*year, *second, *first),
                (false, true) => valid_day(*year, *first, *second),
                _ if first == second => valid_day(*year, *first, *second),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The English ordinal endings of a day (`2nd`, `30th`).
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// The words that may link a day, its month and its year (`30th of March`,
/// `2 de marzo de 2026`).
const MONTH_LINKS: &[&str] = &["of", "de"];

/// `tokens` without the one word of `words` at its start.
fn skip_words<'t>(tokens: &'t [Token], words: &[&str]) -> &'t [Token] {
    match tokens {
        [Token::Word(word), rest @ ..] if words.contains(&word.as_str()) => rest,
        _ => tokens,
    }
}

/// `tokens` without the separators (`.`, `,`) at its start.
fn skip_separators(tokens: &[Token]) -> &[Token] {
    let skip = tokens
        .iter()
        .take_while(|token| matches!(token, Token::Separator('.' | ',')))
        .count();
    &tokens[skip..]
}

/// The month a (lower-case) name stands for.
pub(crate) fn month(name: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .find(|(month_name, _)| *month_name == name)
        .map(|(_, month)| *month)
}

/// A two-digit year is of this century.
fn full_year(year: u32) -> u32 {
    if year < 100 { 2000 + year } else { year }
}

/// The day, when it exists and its year is a web article's.
fn valid_day(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    let year = i32::try_from(year).ok().filter(|year| YEARS.contains(year))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A piece of text, as the day patterns see it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A run of ASCII digits: its value and how many digits it has.
    Number(u32, usize),
    /// A run of letters, lower case.
    Word(String),
    /// Any other character but a space.
    Separator(char),
}

/// The text as numbers, words and separators; spaces only separate.
fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(next) = chars.next_if(char::is_ascii_digit) {
                digits.push(next);
            }
            // Runs too long to be a date part stay a (useless) number.
            let value = digits.parse().unwrap_or(u32::MAX);
            tokens.push(Token::Number(value, digits.len()));
        } else if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            while let Some(next) = chars.next_if(|c| c.is_alphabetic()) {
                word.extend(next.to_lowercase());
            }
            tokens.push(Token::Word(word));
        } else if !c.is_whitespace() {
            tokens.push(Token::Separator(c));
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(html: &str, url: &str) -> Option<PageDate> {
        let doc = Document::from(html);
        let metas = MetaTags::read(&doc);
        let json_ld = super::super::json_ld::read(&doc);
        let furniture = Furniture::new(&doc);
        read(
            &doc,
            &furniture,
            &metas,
            &json_ld,
            url::Url::parse(url).ok().as_ref(),
        )
        .published
    }

    fn day(html: &str, url: &str) -> Option<String> {
        published(html, url).map(|date| date.day().to_string())
    }

    const NO_URL: &str = "https://news.example/dam-opens";

    #[test]
    fn json_ld_is_trusted_before_meta_tags_and_meta_tags_before_time_elements() {
        let page = r#"<head><meta property="article:published_time" content="2026-03-01">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-02"}</script>
            </head><body><time datetime="2026-03-03">3 March</time></body>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let without_json_ld = page.replace("NewsArticle", "Thing");
        assert_eq!(day(&without_json_ld, NO_URL).as_deref(), Some("2026-03-01"));
        let time_only = r#"<article><time datetime="2026-03-03T10:00:00+01:00">3 March</time></article>"#;
        assert_eq!(day(time_only, NO_URL).as_deref(), Some("2026-03-03"));
    }

    #[test]
    fn the_plain_date_tag_gives_way_to_the_time_the_article_prints() {
        let saved = r#"<head><meta name="date" content="2026-03-05T09:00:00+01:00"></head>
            <body><article><h1>Dam opens</h1><time datetime="2026-03-02">2 March 2026</time>
            <p>The dam held.</p></article></body>"#;
        assert_eq!(day(saved, NO_URL).as_deref(), Some("2026-03-02"));
        let without_time = saved.replace("<time datetime=\"2026-03-02\">2 March 2026</time>", "");
        assert_eq!(day(&without_time, NO_URL).as_deref(), Some("2026-03-05"));
    }

    #[test]
    fn an_earlier_day_the_article_s_header_prints_and_marks_wins_over_re_stamped_metadata() {
        let moved = r#"<head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2026-03-20T10:00:00Z"}</script></head>
            <body><article><h1>Dam opens</h1><div class="post-date">2 March 2026</div>
            <p>The dam held.</p></article></body>"#;
        assert_eq!(day(moved, NO_URL).as_deref(), Some("2026-03-02"));
        let timed = moved.replace(
            r#"<div class="post-date">2 March 2026</div>"#,
            r#"<time datetime="2026-03-02T08:00:00+01:00">2 March 2026</time>"#,
        );
        assert_eq!(
            published(&timed, NO_URL).map(PageDate::local).as_deref(),
            Some("2026-03-02T08:00:00+01:00")
        );
        let in_the_lead = r#"<head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2026-03-20T10:00:00Z"}</script></head>
            <body><article><h1>Dam opens</h1><p>Work began on 2 March 2026 and ended today.</p></article></body>"#;
        assert_eq!(day(in_the_lead, NO_URL).as_deref(), Some("2026-03-20"));
        let bare_line = moved.replace(r#"<div class="post-date">"#, "<div>");
        assert_eq!(day(&bare_line, NO_URL).as_deref(), Some("2026-03-02"));
        let later = moved.replace("2 March 2026", "25 March 2026");
        assert_eq!(day(&later, NO_URL).as_deref(), Some("2026-03-20"));
    }

    #[test]
    fn every_publication_meta_tag_of_the_table_is_read() {
        for key in [
            "dc.date",
            "DC.date.issued",
            "dcterms.created",
            "parsely-pub-date",
            "sailthru.date",
            "pubdate",
            "published",
            "ms.date",
        ] {
            let page = format!(r#"<meta name="{key}" content="2026-03-02">"#);
            assert_eq!(day(&page, NO_URL).as_deref(), Some("2026-03-02"), "{key}");
        }
        let itemprop = r#"<span itemprop="datePublished" content="2026-03-02T08:00:00Z">2 March</span>"#;
        assert_eq!(day(itemprop, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_date_in_a_comment_or_a_teaser_of_another_article_is_never_the_date() {
        let page = r#"<div class="comments"><time datetime="2026-03-05">5 March</time></div>
            <aside class="related-posts"><time datetime="2026-02-01">1 Feb</time>
            <span class="post-date">1 February 2026</span></aside>
            <footer>© 2026 River Post</footer>"#;
        assert_eq!(day(page, NO_URL), None);
    }

    #[test]
    fn a_date_in_a_reader_s_review_is_never_the_date_but_a_review_article_s_own_is() {
        let shop = r#"<h1>Garden hose, 20 m</h1><p>Kink-free and light, this hose reels out to twenty
            metres without twisting. Its brass couplings fit every common tap and sprinkler, the
            inner layer is safe for drinking water, and the outer weave shrugs off sun, frost and
            the odd wheelbarrow. Drain it before winter and it will serve for many seasons.</p>
            <div class="customer-reviews"><div class="review-item"><span class="review-date">4 March 2026</span>
            <p>Held up all summer.</p></div></div>"#;
        assert_eq!(day(shop, NO_URL), None);
        let review_article = r#"<article class="review-article"><h1>The best garden hoses</h1>
            <span class="date">2 March 2026</span><p>We tested nine.</p></article>"#;
        assert_eq!(day(review_article, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn today_s_date_in_the_site_s_navigation_is_never_the_date() {
        let page = r#"<div class="navtop"><time datetime="2026-03-09">Monday, 9 March 2026</time></div>
            <h1>Dam opens</h1><p>The dam held.</p><span class="post-date">2 March 2026</span>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let menu = page
            .replace(r#"<div class="navtop">"#, "<nav>")
            .replace("</div>", "</nav>");
        assert_eq!(day(&menu, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_date_of_an_answer_or_a_comment_item_is_not_the_page_s() {
        let question = r#"<div itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Why does the dam hum?</h1>
            <time itemprop="dateCreated" datetime="2026-03-02T08:00:00Z">2 March</time>
            <div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
            <p itemprop="text">The turbines.</p><meta itemprop="datePublished" content="2026-03-09T10:00:00Z"></div>
            <div itemscope itemtype="https://schema.org/Comment"><time itemprop="datePublished">2026-03-10T10:00:00Z</time></div></div>"#;
        assert_eq!(day(question, NO_URL).as_deref(), Some("2026-03-02"));
        let article = r#"<body itemscope itemtype="https://schema.org/WebPage"><article itemprop="mainEntity" itemscope
            itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2026-03-02"></article></body>"#;
        assert_eq!(day(article, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_wrapper_holding_the_headline_or_a_taxonomy_class_is_not_furniture() {
        let blog = r#"<h1 class="title">Notes from the shed</h1>
            <div class="widget Blog"><div class="date-outer"><h2 class="date-header">Tuesday, 3 March 2026</h2>
            <h3 class="post-title entry-title">Seed potatoes</h3><p>Planted today.</p></div></div>
            <div class="widget Archive"><span class="date">1 January 2020</span></div>"#;
        assert_eq!(day(blog, NO_URL).as_deref(), Some("2026-03-03"));
        let filed = r#"<article class="post category-popular tag-comments"><h1>Dam opens</h1>
            <time datetime="2026-03-02">2 March</time></article>"#;
        assert_eq!(day(filed, NO_URL).as_deref(), Some("2026-03-02"));
        let teaser = r#"<article><h1>Dam opens</h1></article>
            <div class="widget related"><time datetime="2026-02-01">1 Feb</time></div>"#;
        assert_eq!(day(teaser, NO_URL), None);
    }

    #[test]
    fn a_layout_named_after_its_sidebar_or_an_article_s_own_footer_is_read() {
        let story = "The river rose all night and the new dam held. ".repeat(20);
        let layout = format!(
            r#"<body class="one-sidebar sidebar-second"><div class="page-title"><h1>Dam opens</h1></div>
            <div class="layout right-sidebar"><div class="post-meta">2 March 2026</div><p>{story}</p>
            <div class="sidebar-widget"><span class="date">1 January 2026</span></div></div></body>"#
        );
        assert_eq!(day(&layout, NO_URL).as_deref(), Some("2026-03-02"));
        // The page's inline scripts are not text the layout is weighed against.
        let slider = format!(
            "<script>var slider = {{ {} }};</script>",
            "speed: 400, ".repeat(400)
        );
        let layout_beside_scripts = format!(
            r#"<body>{slider}<div class="mainwrap single sidebar"><h2>Dam opens</h2>
            <div class="post-meta"><a class="post-meta-time" href="/2026/03/02/">02.03.2026</a> by Ann Lee</div>
            <p>{story}</p></div>{slider}</body>"#
        );
        assert_eq!(day(&layout_beside_scripts, NO_URL).as_deref(), Some("2026-03-02"));
        let sidebar_only = format!(
            r#"<body><h1>Dam opens</h1><p>{story}</p><div class="right-sidebar"><span class="date">1 January 2026</span></div></body>"#
        );
        assert_eq!(day(&sidebar_only, NO_URL), None);
        let article_footer = r#"<article><div class="title"><h2>Dam opens</h2></div><p>The dam held.</p>
            <footer class="entry-footer"><span class="date">2 March 2026</span></footer></article>
            <footer class="site-footer"><span class="date">1 January 2026</span></footer>"#;
        assert_eq!(day(article_footer, NO_URL).as_deref(), Some("2026-03-02"));
        let site_footer = format!(
            r#"<div><h1>Dam opens</h1><p>{story}</p></div>
            <footer class="site-footer"><span class="date">1 January 2026</span></footer>"#
        );
        assert_eq!(day(&site_footer, NO_URL), None);
    }

    #[test]
    fn a_time_in_the_headline_s_header_comes_before_one_listing_other_articles() {
        let page = r#"<div class="view-latest"><ul><li><a href="/older">Older story</a>
            <time datetime="2026-01-31" class="published">31 January</time></li></ul></div>
            <article><header><h1><span>Dam opens</span></h1><div class="node-meta">
            <time datetime="2026-03-02">2 March</time> by Ann Lee</div></header><p>The dam held.</p></article>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_social_post_embedded_in_the_story_does_not_date_it() {
        let page = r#"<h1>Dam opens</h1><div class="published">2 March 2026</div>
            <p>The dam held.</p><blockquote class="instagram-media"><p>A post shared by the mill
            <time datetime="2026-01-31T10:00:00+00:00">Jan 31, 2026</time></p></blockquote>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_sidebar_inside_the_headline_s_article_is_the_article_s_own() {
        let article = r#"<article><h1>Dam opens</h1><p>The dam held.</p>
            <div class="sidebar sidebar--details"><p>Ann Lee</p><time datetime="2026-03-02">2 March</time></div>
            </article><div class="sidebar"><time datetime="2026-01-31">31 January</time></div>"#;
        assert_eq!(day(article, NO_URL).as_deref(), Some("2026-03-02"));
        let beside = r#"<article><h1>Dam opens</h1><p>The dam held.</p></article>
            <div class="sidebar"><time datetime="2026-01-31">31 January</time></div>"#;
        assert_eq!(day(beside, NO_URL), None);
    }

    #[test]
    fn a_masthead_h1_holding_the_site_s_logo_is_not_the_headline_s_header() {
        let page = r#"<header class="top"><h1 id="site-logo"><a href="/"><svg><title>Lune</title></svg>
            River Post</a></h1></header>
            <div class="column"><div class="box"><p><time datetime="2026-01-31" pubdate>31 January</time></p></div></div>
            <main><article><header><h1>Dam opens</h1><p>Ann Lee, <time datetime="2026-03-02">2 March</time></p>
            </header><p>The dam held.</p></article></main>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_dateline_opening_one_of_the_first_paragraphs_dates_the_story() {
        let story = "the harbour board agreed to rebuild the north wall before the winter storms.";
        for (opening, expected) in [
            ("LANCASTER, 2 March 2026 – On Thursday", Some("2026-03-02")),
            ("2.3.2026 - On Thursday", Some("2026-03-02")),
            ("The board, which met on 2 March 2026,", None),
        ] {
            let page =
                format!("<div><h2>Dam opens</h2></div><div><p>By Ann Lee</p><p>{opening} {story}</p></div>");
            assert_eq!(day(&page, NO_URL).as_deref(), expected, "{opening}");
        }
        let day_alone = "<div><h2>Dam opens</h2></div><div><p>2 March 2026</p><p>The dam held.</p></div>";
        assert_eq!(day(day_alone, NO_URL), None);
    }

    #[test]
    fn the_day_the_page_s_own_text_prints_most_often_is_read_outside_furniture() {
        let most = |html: &str| {
            let doc = Document::from(html);
            most_printed_day(&doc, &Furniture::new(&doc)).map(|day| day.to_string())
        };
        let page = r#"<body><h1>Dam opens</h1><p>The dam opened on 2 March 2026, as planned in 2024.</p>
            <p>Filed 2 March 2026. Last updated 9 March 2026.</p><p>Updated on 9 March 2026</p>
            <div class="comments"><p>5 March 2026</p><p>5 March 2026</p><p>5 March 2026</p></div>
            <footer>© 2026 · 7 March 2026 · 7 March 2026 · 7 March 2026</footer>
            <script>var day = "2026-03-08", again = "2026-03-08", more = "2026-03-08";</script></body>"#;
        assert_eq!(most(page).as_deref(), Some("2026-03-02"));
        let equals = "<body><p>Sent 1 March 2026, answered 4 March 2026.</p></body>";
        assert_eq!(most(equals).as_deref(), Some("2026-03-04"));
        assert_eq!(most("<body><p>In 2026 the dam held, © 2026.</p></body>"), None);
    }

    #[test]
    fn a_day_in_the_shared_picture_s_path_dates_a_page_that_gives_no_other() {
        let page = r#"<head><meta property="og:image" content="https://cdn.news.example/files/2026/03/02/dam.jpg">
            </head><body><h1>Dam opens</h1><p>The dam held.</p></body>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let month_only = page.replace("2026/03/02", "2026/03");
        assert_eq!(day(&month_only, NO_URL), None);
        let printed = page.replace("<p>The", r#"<p class="date">5 March 2026</p><p>The"#);
        assert_eq!(day(&printed, NO_URL).as_deref(), Some("2026-03-05"));
    }

    #[test]
    fn a_publication_tag_behind_a_vendor_s_prefix_is_read_but_not_a_plain_date() {
        let page = r#"<head><meta name="w-published-date" content="2026-03-02T06:03:43Z">
            </head><body><p>The dam held.</p></body>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let event = r#"<head><meta name="event-date" content="2026-03-02">
            </head><body><p>The dam held.</p></body>"#;
        assert_eq!(day(event, NO_URL), None);
    }

    #[test]
    fn a_scholarly_index_s_publication_tag_is_read_year_first() {
        let paper = r#"<head><meta name="citation_publication_date" content="2026 Mar 2">
            </head><body><p>The dam held.</p></body>"#;
        assert_eq!(day(paper, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_time_after_an_update_label_is_the_last_change_not_the_publication() {
        let page = r#"<h1>Dam opens</h1><div class="byline">By Ann Lee ·
            Updated <time datetime="2026-03-05">5 March 2026</time></div><p>The dam held.</p>
            <p class="story-date">2 March 2026</p>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let updated = |html: &str| {
            let doc = Document::from(html);
            let json_ld = super::super::json_ld::read(&doc);
            read(&doc, &Furniture::new(&doc), &MetaTags::read(&doc), &json_ld, None).updated
        };
        assert_eq!(
            updated(page).map(|date| date.day().to_string()).as_deref(),
            Some("2026-03-05")
        );
        let published = page.replace("Updated", "Published");
        assert_eq!(day(&published, NO_URL).as_deref(), Some("2026-03-05"));
        assert_eq!(updated(&published), None);
    }

    #[test]
    fn an_update_time_is_not_the_publication() {
        let page = r#"<time class="updated" datetime="2026-03-05">5 March</time>
            <time class="entry-date published" datetime="2026-03-02">2 March</time>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let never_edited = r#"<h1>Dam opens</h1><div class="entry-meta">
            <time class="entry-date published updated" datetime="2026-03-02">2 March</time></div>"#;
        assert_eq!(day(never_edited, NO_URL).as_deref(), Some("2026-03-02"));
        let drupal = r#"<h1>Dam opens</h1><div class="field field--name-changed">
            <time datetime="2026-03-05T10:00:00Z">5 March</time></div><p>The dam held.</p>
            <span class="date">2 March 2026</span>"#;
        assert_eq!(day(drupal, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_day_in_the_url_path_is_the_date_when_the_page_gives_none() {
        for (url, expected) in [
            ("https://news.example/2026/03/02/dam-opens/", Some("2026-03-02")),
            ("https://news.example/blog/2026-3-2-dam-opens", Some("2026-03-02")),
            ("https://news.example/20260302/dam-opens", Some("2026-03-02")),
            (
                "https://news.example/local/2026-03/02/c_1137.htm",
                Some("2026-03-02"),
            ),
            (
                "https://news.example/report_of_02.03.2026_dam",
                Some("2026-03-02"),
            ),
            (
                "https://news.example/world/2026/mar/02/dam-opens",
                Some("2026-03-02"),
            ),
            ("https://news.example/2026/march/2/dam-opens", Some("2026-03-02")),
            ("https://news.example/notices/13-03-2026", Some("2026-03-13")),
            ("https://news.example/notices/02-03-2026", None),
            ("https://news.example/releases/1.2.24", None),
            ("https://news.example/2026/03/dam-opens/", None),
            ("https://news.example/story/20261399/", None),
        ] {
            assert_eq!(day("<p>Text.</p>", url).as_deref(), expected, "{url}");
        }
    }

    #[test]
    fn a_day_printed_in_a_date_element_is_read_in_several_languages_and_orders() {
        for (printed, expected) in [
            ("Posted on 2. März 2026", "2026-03-02"),
            ("02.03.2026, 10:15 Uhr", "2026-03-02"),
            ("2 mars 2026", "2026-03-02"),
            ("March 2nd, 2026", "2026-03-02"),
            ("Mar. 2, 2026", "2026-03-02"),
            ("2 de marzo de 2026", "2026-03-02"),
            ("2026/03/02", "2026-03-02"),
            ("13/03/2026", "2026-03-13"),
            ("13-03-2026 10:29", "2026-03-13"),
            ("2 марта 2026, 13:43", "2026-03-02"),
            ("2026 Mar 2", "2026-03-02"),
            ("2 березня 2026 р.", "2026-03-02"),
            ("2 marca 2026", "2026-03-02"),
            ("2 Mart 2026 Pazartesi", "2026-03-02"),
            ("الاثنين، 02 مارس 2026 - 10:15 ص", "2026-03-02"),
            ("2026年3月2日", "2026-03-02"),
            ("2026년 3월 2일", "2026-03-02"),
            ("2nd March 2026, 16:26", "2026-03-02"),
            ("2nd of March 2026", "2026-03-02"),
        ] {
            let page = format!(r#"<div class="entry-meta"><span class="date">{printed}</span></div>"#);
            assert_eq!(day(&page, NO_URL).as_deref(), Some(expected), "{printed}");
        }
        let ambiguous = r#"<span class="date">03/02/2026</span>"#;
        assert_eq!(day(ambiguous, NO_URL), None);
    }

    #[test]
    fn a_day_printed_after_an_update_label_is_not_the_publication() {
        let both = r#"<article><h1>Dam opens</h1>
            <div class="post-meta"><span>Last updated on</span> <span class="date">9 March 2026</span></div>
            <p class="byline">Posted by Ann Lee on 2 March 2026</p></article>"#;
        assert_eq!(day(both, NO_URL).as_deref(), Some("2026-03-02"));
        let one_line =
            r#"<p class="entry-date">Aktualisiert am 9. März 2026, erschienen am 2. März 2026</p>"#;
        assert_eq!(day(one_line, NO_URL).as_deref(), Some("2026-03-02"));
        let update_only =
            r#"<article><h1>Dam opens</h1><div class="post-date">Updated: 9 March 2026</div></article>"#;
        assert_eq!(day(update_only, NO_URL).as_deref(), Some("2026-03-09"));
    }

    #[test]
    fn a_day_printed_after_a_publication_label_is_read_where_no_class_names_a_date() {
        for page in [
            "<ul class=\"facts\"><li><span>Datum:</span> 2. März 2026</li><li>Ort: Kassel</li></ul>",
            "<dl><dt>Datum</dt><dd>02.03.2026</dd><dt>Rubrik</dt><dd>Stadt</dd></dl>",
            "<div><span>Published on Mar 2, 2026</span> <span>Updated on Mar 9, 2026</span></div>",
            "<p><strong>Publié le</strong> 2 mars 2026</p>",
        ] {
            assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"), "{page}");
        }
        let in_a_comment = r#"<div class="comments"><p>Posted 5 March 2026</p></div>"#;
        assert_eq!(day(in_a_comment, NO_URL), None);
        let a_sentence = "<p>Published reports say the dam held on 2 March 2026, when the river rose, and the town was spared.</p>";
        assert_eq!(day(a_sentence, NO_URL), None);
    }

    #[test]
    fn a_time_element_without_a_plain_datetime_gives_the_day_it_prints() {
        let bare = r#"<article><h1>Dam opens</h1><time>March 2nd, 2026</time></article>"#;
        assert_eq!(day(bare, NO_URL).as_deref(), Some("2026-03-02"));
        let ambiguous = r#"<time datetime="02-03-2026 10:29">2. März 2026 10:29</time>"#;
        assert_eq!(day(ambiguous, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_date_class_is_found_in_any_case_and_a_page_builder_s_widget_is_no_furniture() {
        let camel = r#"<td class="itemInfo"><span class="itemPostDate">am 02.03.2026 22:30</span></td>"#;
        assert_eq!(day(camel, NO_URL).as_deref(), Some("2026-03-02"));
        let builder = r#"<div class="elementor-widget elementor-widget-post-info">
            <span class="elementor-post-info__item--type-date">March 2, 2026</span></div>"#;
        assert_eq!(day(builder, NO_URL).as_deref(), Some("2026-03-02"));
        let blog_widget =
            r#"<div class="widget widget_recent_entries"><span class="post-date">March 2, 2026</span></div>"#;
        assert_eq!(day(blog_widget, NO_URL), None);
    }

    #[test]
    fn a_day_printed_next_to_the_headline_is_the_date_when_nothing_else_gives_one() {
        let page = r#"<div><h1>Dam opens</h1><p>River Post, 2. März 2026</p>
            <p>The dam opened.</p></div><p>Older: 1 January 2020</p>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2026-03-02"));
        let far = format!(
            "<div><h1>Dam opens</h1><p>{}</p><p>2 March 2026</p></div>",
            "Text. ".repeat(80)
        );
        assert_eq!(day(&far, NO_URL), None);
    }

    #[test]
    fn a_day_in_the_author_line_of_a_post_or_a_forum_s_first_post_is_read() {
        let blog = r#"<p class="post-author"><em>von</em> <span>Ann Lee</span> <em>02.03.2026</em></p>"#;
        assert_eq!(day(blog, NO_URL).as_deref(), Some("2026-03-02"));
        let forum = r#"<div class="postbody"><h3>Dam opens</h3>
            <p class="author">by <strong>riverwatch</strong> &raquo; Mon Mar 02, 2026 10:15 am</p></div>"#;
        assert_eq!(day(forum, NO_URL).as_deref(), Some("2026-03-02"));
        let drupal = r#"<div class="submitted">Submitted by Ann Lee on 2. März 2026</div>"#;
        assert_eq!(day(drupal, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_day_in_an_element_of_its_own_after_the_headline_is_no_part_of_a_word() {
        let page = r#"<header><h1>Thirty years of tags</h1><p>A look back at the web</p><p>December 13, 2025</p></header>"#;
        assert_eq!(day(page, NO_URL).as_deref(), Some("2025-12-13"));
        let glued = r#"<div class="post-date"><span>Posted</span><span>March 2, 2026</span></div>"#;
        assert_eq!(day(glued, NO_URL).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn a_publication_in_utc_is_given_in_the_page_s_own_time_when_the_page_prints_it() {
        let page = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2023-11-09T01:49:09Z"}</script>
            <time datetime="2023-11-08 17:49:09">Nov. 8</time>"#;
        let date = published(page, NO_URL).expect("a date");
        assert_eq!(date.local(), "2023-11-08T17:49:09-08:00");
        assert_eq!(date.utc().to_rfc3339(), "2023-11-09T01:49:09+00:00");
        let with_offset = r#"<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">
            <time datetime="2023-11-08T21:11:03-05:00">Nov. 8</time>"#;
        assert_eq!(
            published(with_offset, NO_URL).map(PageDate::local).as_deref(),
            Some("2023-11-08T21:11:03-05:00")
        );
        let another_time = r#"<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">
            <time datetime="2023-11-08 21:11:30">Nov. 8</time>"#;
        assert_eq!(
            published(another_time, NO_URL).map(PageDate::local).as_deref(),
            Some("2023-11-09T02:11:03+00:00")
        );
    }

    #[test]
    fn the_local_form_keeps_the_page_s_offset_and_a_day_stays_a_day() {
        let at = parse_machine("2026-03-02T23:30:00-05:00").expect("a date");
        assert_eq!(at.local(), "2026-03-02T23:30:00-05:00");
        assert_eq!(at.utc().to_rfc3339(), "2026-03-03T04:30:00+00:00");
        let day = parse_machine("2026-03-02").expect("a date");
        assert_eq!(
            (day.local().as_str(), day.utc().to_rfc3339()),
            ("2026-03-02", "2026-03-02T00:00:00+00:00".into())
        );
        let naive = parse_machine("2026-03-02 08:15:00").expect("a date");
        assert_eq!(naive.local(), "2026-03-02");
        assert_eq!(naive.utc().to_rfc3339(), "2026-03-02T08:15:00+00:00");
    }

    #[test]
    fn the_texts_beside_the_headline_are_those_the_whole_block_text_gives() {
        let html = format!(
            "<div><p>Dam öpens soon</p><p>{}</p><h1>Dam öpens</h1><p>{}</p></div>",
            "Words before. ".repeat(40),
            "Wörds after. ".repeat(40)
        );
        let doc = Document::from(html.as_str());
        let block = doc.select_single("div").nodes()[0];
        let text = spaced_text(&block);
        let window = |at: usize, title: &str| {
            let before: Vec<char> = text[..at].chars().collect();
            let before = before[before.len().saturating_sub(HEADER_WINDOW_CHARS)..]
                .iter()
                .collect();
            let after = text[at + title.len()..]
                .chars()
                .take(HEADER_WINDOW_CHARS)
                .collect();
            (before, after)
        };
        for title in [
            "Dam öpens",
            "öpens soon Words",
            "after. Wörds",
            "Dam öpens Wörds",
            "s",
            "absent",
            "",
        ] {
            let whole = text.find(title).map(|at| window(at, title));
            assert_eq!(beside(&block, title), whole, "{title}");
        }
    }

    #[test]
    fn class_words_are_found_in_any_ascii_case_as_a_lowered_copy_finds_them() {
        for (text, word) in [
            ("itemPostDate", "date"),
            ("DATE", "date"),
            ("dáte", "date"),
            ("Dátum", "dát"),
            ("up", "update"),
            ("x", ""),
        ] {
            assert_eq!(
                holds_ignoring_case(text, word),
                text.to_ascii_lowercase().contains(word),
                "{text} / {word}"
            );
            assert_eq!(
                opens_ignoring_case(text, word),
                text.to_ascii_lowercase().starts_with(word),
                "{text} / {word}"
            );
        }
    }

    #[test]
    fn many_machine_formats_parse_and_nonsense_or_far_years_do_not() {
        for value in [
            "2026-03-02T08:15:00.000+0100",
            "2026-03-02T08:15+01:00",
            "2026-03-02 08:15:00 +0100",
            "Mon, 02 Mar 2026 08:15:00 +0100",
            "2026-03-02T08:15:00Z",
            "20260302",
            "2026-03-02T08:15:00 CET",
        ] {
            assert_eq!(
                parse_machine(value).map(|date| date.day().to_string()).as_deref(),
                Some("2026-03-02"),
                "{value}"
            );
        }
        for value in ["last Tuesday", "", "0001-01-01", "9999-12-31", "2026-13-40"] {
            assert_eq!(parse_machine(value), None, "{value}");
        }
    }
}
