//! The normalized record: what the pipeline produces. Plain data, no I/O;
//! the server maps it onto the wire types in one place.

/// The clean, structured record of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The article's URL in canonical form.
    pub url: String,
    /// The headline, without byline or outlet names.
    pub title: String,
    /// When the page says the article was first published, as an instant in
    /// UTC (HTML only); a page giving only the day gives its midnight UTC.
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The same publication as the page means it: RFC 3339 with the page's
    /// own offset, or `YYYY-MM-DD` when the page gives no offset or only the
    /// day (HTML only).
    pub published_at_local: Option<String>,
    /// When the page says the article was last changed, in UTC (HTML only).
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Reporters named in the byline, in order.
    pub authors: Vec<String>,
    /// The outlet that first published the article.
    pub publisher: String,
    /// Outlets that republished it after the publisher, in order.
    pub republishers: Vec<String>,
    /// What kind of page the article came from (HTML only): its body is
    /// what that kind of page holds, an article's text, a forum's posts, a
    /// listing's items.
    pub page_type: PageType,
    /// Body paragraphs in document order.
    pub body: Vec<String>,
    /// Image captions, each once, in order of first appearance.
    pub captions: Vec<Caption>,
    /// Editorial commentary kept apart from the reporting.
    pub commentary: Vec<Commentary>,
    /// Comments readers posted under the article (HTML only), kept out of
    /// the body and the commentary.
    pub reader_comments: Vec<ReaderComment>,
    /// The language of the body.
    pub language: Language,
    /// Outbound "See also" links, in document order.
    pub see_also: Vec<Link>,
    /// Boilerplate that was dropped, in document order, for audit.
    pub removed: Vec<Removed>,
    /// Fingerprints for de-duplication.
    pub fingerprint: Fingerprint,
    /// Sizes of the body.
    pub stats: Stats,
    /// The charset the article was read in, and how it was chosen.
    pub source_charset: crate::SourceCharset,
}

/// What kind of page an HTML page is, as the classes of the WCXB benchmark
/// name them. The names are part of the wire contract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageType {
    /// Plain text, or a page the classifier did not run on.
    #[default]
    Unspecified,
    /// One story, post or essay: running text under a headline.
    Article,
    /// A list of items each linking to its own page: search results, an
    /// index of stories, a table of offers.
    Listing,
    /// A thread of posts by several people: a forum, a question and its
    /// answers, a thread of comments as the page's content.
    Forum,
    /// One thing for sale: its description, price and specifications.
    Product,
    /// A category or tag page gathering other pages under a heading, with
    /// text of its own.
    Collection,
    /// Reference or how-to pages of software or a product: headings, code,
    /// parameters.
    Documentation,
    /// A company's or an organisation's page about what it offers: services,
    /// about, contact, pricing, landing pages.
    Service,
}

impl PageType {
    /// Every type, in wire order (Unspecified first).
    pub const ALL: [Self; 8] = [
        Self::Unspecified,
        Self::Article,
        Self::Listing,
        Self::Forum,
        Self::Product,
        Self::Collection,
        Self::Documentation,
        Self::Service,
    ];

    /// The type's name, as the WCXB benchmark labels pages.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::Article => "article",
            Self::Listing => "listing",
            Self::Forum => "forum",
            Self::Product => "product",
            Self::Collection => "collection",
            Self::Documentation => "documentation",
            Self::Service => "service",
        }
    }

    /// The type named `name` (as [`PageType::as_str`] writes it; `category`
    /// is a collection), if any.
    pub fn from_name(name: &str) -> Option<Self> {
        if name == "category" {
            return Some(Self::Collection);
        }
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// An image caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// The caption, without a photo credit.
    pub text: String,
    /// How many times it was printed.
    pub occurrences: u32,
}

/// A block of editorial commentary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commentary {
    /// The label as printed, without its colon.
    pub label: String,
    /// The commentary's paragraphs.
    pub paragraphs: Vec<String>,
}

/// A comment a reader posted under the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderComment {
    /// The name the page prints for its author; empty when none is printed.
    pub author: String,
    /// When it was posted, as the page gives it: the `datetime` of its
    /// `<time>` element, else the printed text; empty when not printed.
    pub posted_at: String,
    /// The comment's paragraphs.
    pub paragraphs: Vec<String>,
}

/// The detected language of the body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Language {
    /// ISO 639-1 where one exists, else ISO 639-3; empty when undetected.
    pub code: String,
    /// ISO 639-3.
    pub iso639_3: String,
    /// Writing system, e.g. `Latin`.
    pub script: String,
    /// Detector confidence, 0 to 1.
    pub confidence: f64,
    /// Whether the detector considers the result reliable.
    pub reliable: bool,
}

/// An outbound link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's text, without its label or URL.
    pub text: String,
    /// The URL, empty when the text carried none.
    pub url: String,
}

/// A dropped block of boilerplate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Why it was dropped.
    pub kind: RemovedKind,
    /// The dropped text.
    pub text: String,
}

/// Why a block was dropped. The names are part of the wire contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemovedKind {
    /// "Share this:", "Click to share on …".
    ShareWidget,
    /// "Like this:", "Like Loading…", "%d bloggers like this:".
    LikesWidget,
    /// A line of nothing but social network names.
    SocialLinks,
    /// Other CMS furniture such as "Loading…" or "Print".
    CmsWidget,
    /// A "See also:" heading with nothing under it.
    EmptyHeading,
    /// A wire credit trailer: `(Reporting by A; Editing by B)`.
    CreditTrailer,
    /// Text of a related-links box that is not a link, such as its heading.
    RelatedLinks,
    /// A line that only says when the story was published or updated.
    Timestamp,
    /// A photo credit printed on its own line.
    PhotoCredit,
    /// A line crediting contributors: `A in Boston contributed to this report`.
    ContributorLine,
    /// A copyright or redistribution notice: `© 2026 Agency. All rights reserved.`
    Copyright,
    /// A trailer naming the outlet that first published the article:
    /// `This article is republished from Outlet under a Creative Commons license.`
    Republication,
    /// Text of a reader-comment form: `Leave a Reply`, `Sign in to comment`,
    /// `Your email address will not be published`.
    CommentForm,
    /// A box inside the article the page names as boilerplate by its class
    /// or id: a share bar, a newsletter sign-up, related links, an author's
    /// card, a list of tags.
    BoilerplateBox,
    /// On a forum, a paragraph the thread already printed word for word: a
    /// reply quoting an earlier post, a signature under each post.
    Repeated,
}

impl RemovedKind {
    /// The kind's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ShareWidget => "share_widget",
            Self::LikesWidget => "likes_widget",
            Self::SocialLinks => "social_links",
            Self::CmsWidget => "cms_widget",
            Self::EmptyHeading => "empty_heading",
            Self::CreditTrailer => "credit_trailer",
            Self::RelatedLinks => "related_links",
            Self::Timestamp => "timestamp",
            Self::PhotoCredit => "photo_credit",
            Self::ContributorLine => "contributor_line",
            Self::Copyright => "copyright",
            Self::Republication => "republication",
            Self::CommentForm => "comment_form",
            Self::BoilerplateBox => "boilerplate_box",
            Self::Repeated => "repeated",
        }
    }
}

/// Fingerprints for de-duplication.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// Lower-case hex SHA-256 of the body paragraphs joined with `\n`.
    pub body_sha256: String,
    /// 64-bit SimHash of the body's word shingles: a lightly edited copy
    /// differs in a few bits.
    pub simhash: u64,
}

/// Sizes of the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Body paragraphs.
    pub paragraphs: u32,
    /// Words (runs of non-space characters) in the body.
    pub words: u32,
    /// Characters (Unicode scalar values) in the body paragraphs.
    pub characters: u32,
}
