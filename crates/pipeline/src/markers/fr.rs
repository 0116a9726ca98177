//! French markers. French typography puts a space before the colon
//! (`Voir aussi :`); labels match with or without it.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "fr",
    byline_openers: &["Par"],
    author_conjunctions: &["et"],
    see_also_labels: &[
        "Voir aussi",
        "Lire aussi",
        "À lire aussi",
        "A lire aussi",
        "Lire la suite",
        "Sur le même sujet",
    ],
    commentary_labels: &[
        ("Commentaire", Extent::ToEnd),
        ("Notre commentaire", Extent::ToEnd),
        ("Note de la rédaction", Extent::OneParagraph),
        ("NDLR", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Partager", ShareWidget),
        ("Partager cet article", ShareWidget),
        ("Partagez cet article", ShareWidget),
        ("J'aime", LikesWidget),
        ("J'aime ça", LikesWidget),
        ("J'aime chargement...", LikesWidget),
        ("%d blogueurs aiment cette page", LikesWidget),
        ("Chargement...", CmsWidget),
        ("Publicité", CmsWidget),
        ("Lire la suite de l'article", CmsWidget),
        ("Laisser un commentaire", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Cliquez pour partager sur", ShareWidget),
        ("Suivez-nous sur", CmsWidget),
        ("Abonnez-vous à notre newsletter", CmsWidget),
    ],
    timestamp_labels: &["Publié", "Mis à jour", "Modifié", "Mise à jour"],
    photo_credits: &[
        "Photo :",
        "Photo:",
        "Crédit :",
        "Crédit photo :",
        "(Photo d'archives)",
    ],
    wire_credits: &[
        ("Reportage", Reporter),
        ("Rédigé par", Reporter),
        ("Rédaction", Reporter),
        ("version française", Editor),
        ("édité par", Editor),
    ],
    contributor_openers: &[
        "Avec la contribution de",
        "Avec l'AFP",
        "Avec AFP",
        "Avec agences",
        "Avec Reuters",
    ],
    contributor_endings: &["a contribué à cet article", "ont contribué à cet article"],
    rights_notices: &["Tous droits réservés", "Reproduction interdite"],
    republication_phrases: &[
        "est republié à partir de",
        "republié à partir de",
        "publié initialement sur",
        "publié initialement par",
        "publié initialement dans",
        "initialement publié sur",
        "initialement publié par",
        "initialement publié dans",
        "initialement paru dans",
        "initialement paru sur",
        "paru initialement dans",
        "paru initialement sur",
    ],
};
