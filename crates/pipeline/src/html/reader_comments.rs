//! Reader comments: the thread readers post under an article. It is not the
//! article, so it never reaches the body or the commentary; each comment
//! the page prints with an author and a text is kept apart, so a newsroom
//! can keep or drop them. Comment forms and the thread's furniture
//! (`3 comments`, `Reply`, sign-in links) are dropped without a trace.
//!
//! A comment is found by its structure, as comment systems print it:
//! schema.org `Comment` (or `UserComments`) microdata, or a class such as
//! `comment` on an entry of a thread (WordPress, Disqus's server-rendered
//! threads, Q&A sites), holding an author element and a text element.
//! When the comments say most of what the page's paragraphs say, the page
//! is a discussion (a forum thread, a Q&A page) whose posts are its content:
//! they are left in place. Runs before the main content is chosen.

use dom_query::{Document, Matcher, NodeRef, Selection};

use super::blocks;
use crate::{
    article::{PageType, ReaderComment},
    document::Origin,
};

/// Entries of a comment thread.
const ENTRIES: &str = r#"[itemtype$="schema.org/Comment"], [itemtype$="schema.org/UserComments"],
    .comment, .comment-item, .commentlist > li, .comment-list > li, .comments-list > li,
    li[id^="comment-"], article[id^="comment-"]"#;

/// An entry's author, most precise first: the first that matches wins.
const AUTHORS: &[&str] = &[
    r#"[itemprop="author"] [itemprop="name"]"#,
    r#"[itemprop="creator"] [itemprop="name"]"#,
    ".comment-author .fn",
    ".fn",
    r#"[itemprop="author"]"#,
    r#"[itemprop="creator"]"#,
    ".comment-author-name",
    ".comment-author",
    ".comment-user",
    ".comment-username",
    ".commenter",
    ".username",
    ".user-name",
    ".author",
    "cite",
];

/// An entry's text, most precise first.
const TEXTS: &[&str] = &[
    r#"[itemprop="text"]"#,
    r#"[itemprop="commentText"]"#,
    ".comment-content",
    ".comment-text",
    ".comment-copy",
    ".comment-message",
    ".comment-entry",
    ".comment__text",
    ".comment-body",
];

/// When an entry was posted: an element with a machine-readable time
/// first, then one printing it.
const TIMES: &[&str] = &[
    "time[datetime]",
    r#"[itemprop="dateCreated"]"#,
    r#"[itemprop="datePublished"]"#,
    ".comment-date",
    ".comment-time",
    ".comment-metadata",
];

/// Threads, their furniture and comment forms, removed with the comments
/// and the [`REPLY_FORMS`].
const THREADS: &str = "#comments, #respond, #disqus_thread, .comments-area, .comment-list, .commentlist, \
    .comment-respond, .comments, .comment-form, #commentform";

/// The form a reader writes a reply in. A form holding the headline is the
/// page itself, wrapped in one form as ASP.NET Web Forms prints every page
/// (`<form id="aspnetForm">`), and stays.
const REPLY_FORMS: &str = "form:has(textarea):not(:has(h1))";

/// At most this many comments are kept; past them the thread is still
/// removed. A hostile page may print millions.
pub(crate) const MAX_READER_COMMENTS: usize = 1_000;

/// When the comments say more than this share of the page's paragraphs,
/// they are the page's content (a forum thread), not comments under it.
const MAX_COMMENT_SHARE: f64 = 0.5;

/// A printed time longer than this is a paragraph, not a time.
const MAX_TIME_CHARS: usize = 60;

/// An author name longer than this is a profile blurb, not a name.
const MAX_AUTHOR_CHARS: usize = 100;

/// Takes the reader comments out of `doc`, a page of kind `kind`, in
/// document order, and removes their threads and forms. On a forum page
/// without comment entries, a thread is the page's posts (forum engines
/// name their wrapper `#comments`): only its reply form goes.
pub(crate) fn take(doc: &Document, kind: PageType) -> Vec<ReaderComment> {
    let Ok(entries) = Matcher::new(ENTRIES) else {
        return Vec::new();
    };
    let mut comments = Vec::new();
    let mut read_entries = Vec::new();
    for entry in doc.select_matcher(&entries).nodes() {
        if let Some(comment) = read(entry, &entries) {
            read_entries.push(*entry);
            if comments.len() < MAX_READER_COMMENTS {
                comments.push(comment);
            }
        }
    }
    if is_discussion(doc, &comments) || (kind == PageType::Forum && comments.is_empty()) {
        // The posts are the page's content: a forum thread, a Q&A page.
        doc.select(REPLY_FORMS).remove();
        return Vec::new();
    }
    Selection::from(read_entries).remove();
    doc.select(THREADS).remove();
    doc.select(REPLY_FORMS).remove();
    comments
}

/// Whether the comments are most of what the page's paragraphs say: then
/// the page is a discussion (a forum thread), not an article under which
/// readers commented.
fn is_discussion(doc: &Document, comments: &[ReaderComment]) -> bool {
    let comment_chars: usize = comments
        .iter()
        .flat_map(|comment| &comment.paragraphs)
        .map(|paragraph| paragraph.chars().count())
        .sum();
    if comment_chars == 0 {
        return false;
    }
    let page_chars: usize = doc
        .select("p")
        .nodes()
        .iter()
        .map(|paragraph| paragraph.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let share = comment_chars as f64 / page_chars.max(1) as f64;
    share > MAX_COMMENT_SHARE
}

/// Whether `node` is, holds or sits in an entry of a comment thread that
/// holds a reader comment.
pub(crate) fn holds_or_is_in_one(node: &NodeRef<'_>) -> bool {
    let Ok(entries) = Matcher::new(ENTRIES) else {
        return false;
    };
    let readable = |entry: &NodeRef<'_>| entry.is_match(&entries) && read(entry, &entries).is_some();
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .any(|n| readable(&n))
        || Selection::from(*node)
            .select_matcher(&entries)
            .nodes()
            .iter()
            .any(readable)
}

/// The comment an entry holds, when it has an author element and a text.
fn read(entry: &NodeRef<'_>, entries: &Matcher) -> Option<ReaderComment> {
    let author = AUTHORS.iter().find_map(|sel| own(entry, sel, entries))?;
    let text = TEXTS.iter().find_map(|sel| own(entry, sel, entries))?;
    let paragraphs: Vec<String> = blocks::collect(&text, Origin::Text, None)
        .into_iter()
        .map(|block| block.text)
        .collect();
    if paragraphs.is_empty() {
        return None;
    }
    let posted_at = TIMES
        .iter()
        .find_map(|sel| own(entry, sel, entries))
        .map(|time| posted_at(&time))
        .unwrap_or_default();
    Some(ReaderComment {
        author: author_name(&author.text()),
        posted_at,
        paragraphs,
    })
}

/// The first element under `entry` matching `sel` that belongs to the entry
/// itself, not to a reply nested in it.
fn own<'a>(entry: &NodeRef<'a>, sel: &str, entries: &Matcher) -> Option<NodeRef<'a>> {
    Selection::from(*entry)
        .select(sel)
        .nodes()
        .iter()
        .copied()
        .find(|found| {
            found
                .ancestors_it(None)
                .take_while(|ancestor| ancestor.id != entry.id)
                .all(|ancestor| !ancestor.is_match(entries))
        })
}

/// The author's name without the `says:` a thread prints after it.
fn author_name(printed: &str) -> String {
    let name = crate::unicode::normalize(printed);
    let name = match name.strip_suffix(':') {
        // `Ann Lee says:`, `Ann Lee sagt:`: a lower-case verb before the colon.
        Some(before) => match before.rsplit_once(' ') {
            Some((name, verb)) if verb.chars().all(char::is_lowercase) => name.to_owned(),
            _ => before.to_owned(),
        },
        None => name,
    };
    let name = name.trim().to_owned();
    if name.chars().count() > MAX_AUTHOR_CHARS {
        String::new()
    } else {
        name
    }
}

/// The time of a time element: its `datetime` or `content`, else its text.
fn posted_at(time: &NodeRef<'_>) -> String {
    let given = time
        .attr("datetime")
        .or_else(|| time.attr("content"))
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty());
    let text = given.unwrap_or_else(|| crate::unicode::normalize(&time.text()));
    if text.chars().count() > MAX_TIME_CHARS {
        String::new()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take_from(html: &str) -> (Vec<ReaderComment>, Document) {
        let doc = Document::from(html);
        let comments = take(&doc, PageType::Article);
        (comments, doc)
    }

    #[test]
    fn a_forum_keeps_the_thread_its_engine_names_comments() {
        let html = r#"<body><main><div id="comments"><article class="post"><p>Which telescope should a beginner buy for a small balcony in the city?</p></article>
            <article class="post"><p>A small refractor on a light mount is easy to carry out and needs no cooling.</p></article>
            <form><textarea></textarea><button>Reply</button></form></div></main></body>"#;
        let doc = Document::from(html);
        assert!(take(&doc, PageType::Forum).is_empty());
        assert_eq!(doc.select("article.post").length(), 2, "the posts stay");
        assert!(doc.select("form").is_empty(), "the reply form goes");
        let doc = Document::from(html);
        take(&doc, PageType::Article);
        assert!(
            doc.select("#comments").is_empty(),
            "under an article the thread goes"
        );
    }

    #[test]
    fn a_wordpress_thread_gives_each_comment_with_its_author_time_and_text_and_leaves_the_page() {
        let (comments, doc) = take_from(
            r##"<article><p>The ferry timetable changes in May, when the first boat leaves at six and the last at ten, and the winter fares end for good.</p></article>
            <div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Ferry”</h2>
            <ol class="comment-list">
              <li id="comment-7" class="comment even depth-1"><article id="div-comment-7" class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><img alt="">
                  <b class="fn">Maud Penrose</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#c7"><time datetime="2026-05-02T08:15:00+00:00">2 May 2026 at 8:15 am</time></a></div></footer>
                <div class="comment-content"><p>The early boat suits the market traders.</p><p>Thanks for the notice.</p></div>
                <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
                <ol class="children"><li id="comment-8" class="comment odd depth-2"><article class="comment-body">
                  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Idris Vane</b> <span class="says">says:</span></div></footer>
                  <div class="comment-content"><p>Not for commuters, though.</p></div></article></li></ol>
              </li></ol>
              <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
              <form id="commentform"><p>Your email address will not be published.</p><textarea name="comment"></textarea></form></div>
            </div>"##,
        );
        assert_eq!(
            comments,
            [
                ReaderComment {
                    author: "Maud Penrose".into(),
                    posted_at: "2026-05-02T08:15:00+00:00".into(),
                    paragraphs: vec![
                        "The early boat suits the market traders.".into(),
                        "Thanks for the notice.".into()
                    ],
                },
                ReaderComment {
                    author: "Idris Vane".into(),
                    posted_at: String::new(),
                    paragraphs: vec!["Not for commuters, though.".into()],
                },
            ]
        );
        let left = doc.select("body").text();
        assert!(left.contains("ferry timetable"), "{left}");
        for gone in ["Maud", "Reply", "email address", "thoughts"] {
            assert!(!left.contains(gone), "{gone} is left: {left}");
        }
    }

    #[test]
    fn schema_org_comments_are_read_from_their_microdata() {
        let (comments, _) = take_from(
            r#"<p>The library on Mill Lane opened again on Saturday after a year of repairs to its roof and its old reading room.</p>
            <section class="discussion"><div itemscope itemtype="https://schema.org/Comment">
              <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Olu Hart</span></span>
              <meta itemprop="dateCreated" content="2026-03-01">
              <div itemprop="text"><p>Good to see the library open again.</p></div></div></section>"#,
        );
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[0].author, "Olu Hart");
        assert_eq!(comments[0].posted_at, "2026-03-01");
        assert_eq!(comments[0].paragraphs, ["Good to see the library open again."]);
    }

    #[test]
    fn a_box_named_comment_without_an_author_is_no_reader_comment() {
        let (comments, doc) = take_from(
            r#"<div class="comment"><p><strong>Comment:</strong> The council should have acted sooner.</p></div>"#,
        );
        assert!(comments.is_empty());
        assert!(doc.select("div.comment").exists());
    }

    #[test]
    fn a_comment_form_alone_is_removed() {
        let (comments, doc) = take_from(
            r#"<p>Story.</p><form action="/login"><p>Sign in to comment</p><a href="/pw">Forgot your password?</a>
            <textarea></textarea></form>"#,
        );
        assert!(comments.is_empty());
        assert!(!doc.select("body").text().contains("Sign in"));
    }

    #[test]
    fn a_page_wrapped_in_one_form_is_no_comment_form() {
        // ASP.NET Web Forms prints every page in one form, here with a
        // note field in its toolbar.
        let (_, doc) = take_from(
            r#"<form id="aspnetForm" method="post"><div class="toolbar"><textarea name="note"></textarea></div>
            <h1>Pineapple upside-down cake</h1><p>Lay the rings in the buttered pan.</p></form>"#,
        );
        assert!(doc.select("body").text().contains("Lay the rings"));
    }

    #[test]
    fn the_posts_of_a_discussion_page_stay_its_content() {
        let (comments, doc) = take_from(
            r#"<h1>Which tent for a windy coast?</h1><ol class="comment-list">
            <li class="comment"><span class="author">Wren</span><div class="comment-text"><p>I took a tunnel tent to the cliffs and it held in a gale all night.</p></div></li>
            <li class="comment"><span class="author">Bo</span><div class="comment-text"><p>Geodesic tents are heavier but far steadier when the wind turns.</p></div></li></ol>"#,
        );
        assert!(comments.is_empty());
        assert!(doc.select("body").text().contains("tunnel tent"));
    }

    #[test]
    fn the_author_loses_the_verb_before_its_colon() {
        assert_eq!(author_name(" Ann  Lee says:"), "Ann Lee");
        assert_eq!(author_name("Ann Lee:"), "Ann Lee");
        assert_eq!(author_name("Ann Lee"), "Ann Lee");
    }

    #[test]
    fn only_the_first_comments_are_kept_and_the_rest_removed() {
        let entry =
            r#"<div class="comment"><span class="author">A</span><div class="comment-text">Yes.</div></div>"#;
        let article = format!("<p>{}</p>", "A long story. ".repeat(1000));
        let (comments, doc) = take_from(&(article + &entry.repeat(MAX_READER_COMMENTS + 5)));
        assert_eq!(comments.len(), MAX_READER_COMMENTS);
        assert!(!doc.select(".comment").exists());
    }
}
