//! Turkish markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "tr",
    byline_openers: &["Yazan", "Haber"],
    author_conjunctions: &["ve"],
    see_also_labels: &[
        "Ayrıca okuyun",
        "Ayrıca bakınız",
        "Bunu da okuyun",
        "İlgili haberler",
        "Devamını oku",
    ],
    commentary_labels: &[
        ("Yorum", Extent::ToEnd),
        ("Yorumumuz", Extent::ToEnd),
        ("Editörün notu", Extent::OneParagraph),
        ("Editör notu", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Paylaş", ShareWidget),
        ("Bunu paylaş", ShareWidget),
        ("Bunu beğen", LikesWidget),
        ("Beğen Yükleniyor...", LikesWidget),
        ("%d blogcu bunu beğendi", LikesWidget),
        ("Yükleniyor...", CmsWidget),
        ("Reklam", CmsWidget),
        ("Yorum yapın", CmsWidget),
        ("Yorum yap", CommentForm),
        ("Bir yanıt yazın", CommentForm),
        ("Yanıtı iptal et", CommentForm),
        ("Şifrenizi mi unuttunuz?", CommentForm),
        ("Yorum gönder", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("İçindekiler", CmsWidget),
        ("Bu yazıda", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Paylaşmak için tıklayın", ShareWidget),
        ("Bizi takip edin", CmsWidget),
        ("Bültenimize abone olun", CmsWidget),
        ("E-posta hesabınız yayımlanmayacak", CommentForm),
        ("E-posta adresiniz yayınlanmayacak", CommentForm),
        ("Yorum yapabilmek için oturum açmalısınız", CommentForm),
        ("Yorum yapmak için giriş yapın", CommentForm),
    ],
    timestamp_labels: &["Yayınlanma", "Güncelleme", "Son güncelleme", "Yayınlanma tarihi"],
    photo_credits: &["Fotoğraf:", "Foto:", "(Arşiv fotoğrafı)"],
    wire_credits: &[
        ("Haber", Reporter),
        ("Haberi yazan", Reporter),
        ("Editör", Editor),
    ],
    contributor_openers: &["Ek haber:", "Katkıda bulunan:", "Katkıda bulunanlar:"],
    contributor_endings: &["habere katkıda bulundu", "haberine katkıda bulundu"],
    rights_notices: &["Tüm hakları saklıdır", "Her hakkı saklıdır"],
    republication_phrases: &[
        "bu makale ilk olarak",
        "bu yazı ilk olarak",
        "ilk olarak yayımlandığı",
    ],
};
