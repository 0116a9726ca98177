//! Italian markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "it",
    byline_openers: &["Di"],
    author_conjunctions: &["e"],
    see_also_labels: &[
        "Leggi anche",
        "Vedi anche",
        "Leggi di più",
        "Potrebbe interessarti",
        "Articoli correlati",
    ],
    commentary_labels: &[
        ("Commento", Extent::ToEnd),
        ("Il nostro commento", Extent::ToEnd),
        ("Nota della redazione", Extent::OneParagraph),
        ("N.d.R.", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Condividi", ShareWidget),
        ("Condividi questo articolo", ShareWidget),
        ("Mi piace", LikesWidget),
        ("Mi piace Caricamento...", LikesWidget),
        ("A %d blogger piace questo", LikesWidget),
        ("Caricamento...", CmsWidget),
        ("Pubblicità", CmsWidget),
        ("Continua a leggere", CmsWidget),
        ("Lascia un commento", CmsWidget),
        ("Lascia un commento", CommentForm),
        ("Annulla risposta", CommentForm),
        ("Password dimenticata?", CommentForm),
        ("Pubblica il commento", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Indice", CmsWidget),
        ("Sommario", CmsWidget),
        ("Indice dei contenuti", CmsWidget),
        ("In questo articolo", CmsWidget),
        // A site's search, filter and sort controls, its way back to the top
        // or on to the content, a shop's cart button.
        ("Cerca", CmsWidget),
        ("Filtri", CmsWidget),
        ("Ordina per", CmsWidget),
        ("Torna su", CmsWidget),
        ("Vai al contenuto", CmsWidget),
        ("Aggiungi al carrello", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Fai clic per condividere su", ShareWidget),
        ("Seguici su", CmsWidget),
        ("Iscriviti alla nostra newsletter", CmsWidget),
        ("Il tuo indirizzo email non sarà pubblicato", CommentForm),
        ("Devi essere connesso per inviare un commento", CommentForm),
        ("Accedi per commentare", CommentForm),
        ("I campi obbligatori sono contrassegnati", CommentForm),
    ],
    timestamp_labels: &["Pubblicato", "Aggiornato", "Ultimo aggiornamento"],
    photo_credits: &["Foto:", "Foto di", "(Foto d'archivio)", "(Foto di repertorio)"],
    wire_credits: &[
        ("Servizio di", Reporter),
        ("Hanno collaborato", Reporter),
        ("Ha collaborato", Reporter),
        ("Scritto da", Reporter),
        ("editing", Editor),
        ("Tradotto da", Editor),
    ],
    contributor_openers: &["Hanno collaborato", "Ha collaborato", "Con il contributo di"],
    contributor_endings: &[
        "ha contribuito a questo articolo",
        "hanno contribuito a questo articolo",
    ],
    rights_notices: &["Tutti i diritti riservati", "Riproduzione riservata"],
    republication_phrases: &[
        "pubblicato originariamente su",
        "pubblicato originariamente da",
        "originariamente pubblicato su",
        "originariamente pubblicato da",
        "pubblicato per la prima volta su",
        "ripubblicato da",
    ],
};
