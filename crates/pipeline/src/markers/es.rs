//! Spanish markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "es",
    byline_openers: &["Por"],
    author_conjunctions: &["y"],
    see_also_labels: &[
        "Ver también",
        "Lea también",
        "Lee también",
        "Leer más",
        "Te puede interesar",
        "Noticias relacionadas",
    ],
    commentary_labels: &[
        ("Comentario", Extent::ToEnd),
        ("Nuestro comentario", Extent::ToEnd),
        ("Nota del editor", Extent::OneParagraph),
        ("Nota de la redacción", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Compartir", ShareWidget),
        ("Comparte esto", ShareWidget),
        ("Compartir esto", ShareWidget),
        ("Me gusta", LikesWidget),
        ("Me gusta esto", LikesWidget),
        ("Me gusta Cargando...", LikesWidget),
        ("A %d blogueros les gusta esto", LikesWidget),
        ("Cargando...", CmsWidget),
        ("Publicidad", CmsWidget),
        ("Seguir leyendo", CmsWidget),
        ("Deja un comentario", CmsWidget),
        ("Deja un comentario", CommentForm),
        ("Dejar un comentario", CommentForm),
        ("Cancelar respuesta", CommentForm),
        ("¿Olvidaste tu contraseña?", CommentForm),
        ("Publicar comentario", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Índice", CmsWidget),
        ("Contenido", CmsWidget),
        ("Tabla de contenidos", CmsWidget),
        ("En este artículo", CmsWidget),
        // A site's search, filter and sort controls, its way back to the top
        // or on to the content, a shop's cart button.
        ("Buscar", CmsWidget),
        ("Filtros", CmsWidget),
        ("Ordenar por", CmsWidget),
        ("Volver arriba", CmsWidget),
        ("Ir al contenido", CmsWidget),
        ("Añadir al carrito", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Haz clic para compartir en", ShareWidget),
        ("Síguenos en", CmsWidget),
        ("Suscríbete a nuestro boletín", CmsWidget),
        (
            "Tu dirección de correo electrónico no será publicada",
            CommentForm,
        ),
        ("Debes iniciar sesión para publicar un comentario", CommentForm),
        ("Inicia sesión para comentar", CommentForm),
        ("Los campos obligatorios están marcados", CommentForm),
    ],
    timestamp_labels: &["Publicado", "Actualizado", "Última actualización"],
    photo_credits: &["Foto:", "Imagen:", "(Foto de archivo)", "(Imagen de archivo)"],
    wire_credits: &[
        ("Reporte de", Reporter),
        ("Información de", Reporter),
        ("Reportaje de", Reporter),
        ("Escrito por", Reporter),
        ("Editado en español por", Editor),
        ("Editado por", Editor),
    ],
    contributor_openers: &[
        "Con información de",
        "Con reportes de",
        "Información adicional de",
        "Con información adicional de",
    ],
    contributor_endings: &[
        "contribuyó a este informe",
        "contribuyeron a este informe",
        "colaboró en este informe",
    ],
    rights_notices: &["Todos los derechos reservados", "Prohibida su reproducción"],
    republication_phrases: &[
        "publicado originalmente en",
        "publicado originalmente por",
        "publicado originalmente por",
        "publicado por primera vez en",
        "se publicó originalmente en",
        "republicado de",
        "se republica de",
    ],
};
