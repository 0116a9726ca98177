//! German markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "de",
    byline_openers: &["Von", "Autor", "Autorin", "Autoren"],
    author_conjunctions: &["und"],
    see_also_labels: &[
        "Siehe auch",
        "Lesen Sie auch",
        "Lesen Sie mehr",
        "Mehr zum Thema",
        "Auch interessant",
        "Das könnte Sie auch interessieren",
    ],
    commentary_labels: &[
        ("Kommentar", Extent::ToEnd),
        ("Unser Kommentar", Extent::ToEnd),
        ("Anmerkung der Redaktion", Extent::OneParagraph),
        ("Hinweis der Redaktion", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Teilen", ShareWidget),
        ("Teilen mit", ShareWidget),
        ("Artikel teilen", ShareWidget),
        ("Diesen Artikel teilen", ShareWidget),
        ("Gefällt mir", LikesWidget),
        ("Gefällt mir Wird geladen...", LikesWidget),
        ("%d Bloggern gefällt das", LikesWidget),
        ("Wird geladen...", CmsWidget),
        ("Anzeige", CmsWidget),
        ("Werbung", CmsWidget),
        ("Weiterlesen", CmsWidget),
        ("Kommentar verfassen", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Klicken, um auf", ShareWidget),
        ("Folgen Sie uns auf", CmsWidget),
        ("Abonnieren Sie unseren Newsletter", CmsWidget),
    ],
    timestamp_labels: &[
        "Veröffentlicht",
        "Aktualisiert",
        "Zuletzt aktualisiert",
        "Erstellt",
        "Stand",
    ],
    photo_credits: &["Foto:", "Fotos:", "Bild:", "(Archivbild)", "(Symbolbild)"],
    wire_credits: &[
        ("Bericht von", Reporter),
        ("Geschrieben von", Reporter),
        ("Mitarbeit", Reporter),
        ("redigiert von", Editor),
        ("Redaktion", Editor),
    ],
    contributor_openers: &[
        "Mit Material von",
        "Mit Material der",
        "Mit Material des",
        "Unter Mitarbeit von",
        "Mitarbeit:",
    ],
    contributor_endings: &[
        "hat zu diesem Bericht beigetragen",
        "haben zu diesem Bericht beigetragen",
        "trug zu diesem Bericht bei",
    ],
    rights_notices: &["Alle Rechte vorbehalten"],
    republication_phrases: &[
        "erschien zuerst bei",
        "erschien zuerst auf",
        "erschien zuerst in",
        "erschien zuerst im",
        "zuerst erschienen bei",
        "zuerst erschienen auf",
        "zuerst erschienen in",
        "erstmals veröffentlicht bei",
        "erstmals veröffentlicht auf",
        "ursprünglich veröffentlicht bei",
        "ursprünglich veröffentlicht auf",
        "ursprünglich erschienen bei",
        "ursprünglich erschienen auf",
    ],
};
