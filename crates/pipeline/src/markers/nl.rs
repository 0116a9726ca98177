//! Dutch markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "nl",
    byline_openers: &["Door"],
    author_conjunctions: &["en"],
    see_also_labels: &[
        "Zie ook",
        "Lees ook",
        "Lees meer",
        "Meer over dit onderwerp",
        "Gerelateerd",
    ],
    commentary_labels: &[
        ("Commentaar", Extent::ToEnd),
        ("Ons commentaar", Extent::ToEnd),
        ("Noot van de redactie", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Delen", ShareWidget),
        ("Deel dit artikel", ShareWidget),
        ("Vind ik leuk", LikesWidget),
        ("Vind ik leuk Laden...", LikesWidget),
        ("%d bloggers vinden dit leuk", LikesWidget),
        ("Laden...", CmsWidget),
        ("Advertentie", CmsWidget),
        ("Lees verder", CmsWidget),
        ("Laat een reactie achter", CmsWidget),
        ("Laat een reactie achter", CommentForm),
        ("Reactie annuleren", CommentForm),
        ("Wachtwoord vergeten?", CommentForm),
        ("Reactie plaatsen", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Inhoudsopgave", CmsWidget),
        ("Inhoud", CmsWidget),
        ("In dit artikel", CmsWidget),
        // A site's search, filter and sort controls, its way back to the top
        // or on to the content, a shop's cart button.
        ("Zoeken", CmsWidget),
        ("Filters", CmsWidget),
        ("Sorteer op", CmsWidget),
        ("Terug naar boven", CmsWidget),
        ("Naar de inhoud", CmsWidget),
        ("In winkelwagen", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Klik om te delen op", ShareWidget),
        ("Volg ons op", CmsWidget),
        ("Schrijf je in voor onze nieuwsbrief", CmsWidget),
        ("Je e-mailadres wordt niet gepubliceerd", CommentForm),
        ("Uw e-mailadres wordt niet gepubliceerd", CommentForm),
        ("Je moet ingelogd zijn op om een reactie te plaatsen", CommentForm),
        ("Log in om te reageren", CommentForm),
        ("Vereiste velden zijn gemarkeerd met", CommentForm),
    ],
    timestamp_labels: &["Gepubliceerd", "Bijgewerkt", "Laatst bijgewerkt", "Datum"],
    photo_credits: &["Foto:", "Beeld:", "(Archieffoto)"],
    wire_credits: &[
        ("Verslaggeving door", Reporter),
        ("Verslaggeving", Reporter),
        ("Bewerkt door", Editor),
        ("Redactie", Editor),
    ],
    contributor_openers: &[
        "Met medewerking van",
        "Aanvullende verslaggeving door",
        "Aanvullende verslaggeving:",
    ],
    contributor_endings: &[
        "droeg bij aan dit artikel",
        "droegen bij aan dit artikel",
        "werkte mee aan dit artikel",
        "werkten mee aan dit artikel",
    ],
    rights_notices: &["Alle rechten voorbehouden"],
    republication_phrases: &[
        "verscheen eerder op",
        "verscheen eerder in",
        "verscheen eerder bij",
        "verscheen oorspronkelijk op",
        "verscheen oorspronkelijk in",
        "oorspronkelijk gepubliceerd op",
        "oorspronkelijk gepubliceerd in",
        "oorspronkelijk gepubliceerd door",
        "eerder gepubliceerd op",
        "eerder gepubliceerd in",
    ],
};
