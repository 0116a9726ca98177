//! Polish markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "pl",
    byline_openers: &["Autor", "Autorka", "Przez", "Autorzy"],
    author_conjunctions: &["i", "oraz"],
    see_also_labels: &[
        "Czytaj też",
        "Czytaj także",
        "Zobacz też",
        "Zobacz także",
        "Czytaj więcej",
    ],
    commentary_labels: &[
        ("Komentarz", Extent::ToEnd),
        ("Nasz komentarz", Extent::ToEnd),
        ("Od redakcji", Extent::OneParagraph),
        ("Nota redakcyjna", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Udostępnij", ShareWidget),
        ("Udostępnij to", ShareWidget),
        ("Lubię to", LikesWidget),
        ("Polub Wczytywanie...", LikesWidget),
        ("%d blogerów lubi to", LikesWidget),
        ("Wczytywanie...", CmsWidget),
        ("Reklama", CmsWidget),
        ("Czytaj dalej", CmsWidget),
        ("Dodaj komentarz", CmsWidget),
        ("Dodaj komentarz", CommentForm),
        ("Anuluj pisanie odpowiedzi", CommentForm),
        ("Nie pamiętasz hasła?", CommentForm),
        ("Opublikuj komentarz", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Spis treści", CmsWidget),
        ("W tym artykule", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Kliknij, aby udostępnić na", ShareWidget),
        ("Obserwuj nas na", CmsWidget),
        ("Zapisz się do newslettera", CmsWidget),
        ("Twój adres e-mail nie zostanie opublikowany", CommentForm),
        ("Musisz się zalogować, aby móc dodać komentarz", CommentForm),
        ("Zaloguj się, aby dodać komentarz", CommentForm),
        ("Wymagane pola są oznaczone", CommentForm),
    ],
    timestamp_labels: &["Opublikowano", "Aktualizacja", "Zaktualizowano"],
    photo_credits: &["Fot.", "Fot:", "Zdjęcie:", "(Zdjęcie archiwalne)"],
    wire_credits: &[("Relacja", Reporter), ("Tekst", Reporter), ("Redakcja", Editor)],
    contributor_openers: &["Współpraca:", "Współpraca", "Z udziałem", "Współpracowali:"],
    contributor_endings: &[
        "współpracował przy tym artykule",
        "współpracowała przy tym artykule",
    ],
    rights_notices: &["Wszelkie prawa zastrzeżone"],
    republication_phrases: &[
        "pierwotnie opublikowany w",
        "pierwotnie opublikowany na",
        "pierwotnie ukazał się w",
        "pierwotnie ukazał się na",
        "ukazał się pierwotnie w",
        "ukazał się pierwotnie na",
        "po raz pierwszy ukazał się w",
        "po raz pierwszy ukazał się na",
    ],
};
