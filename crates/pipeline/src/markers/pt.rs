//! Portuguese markers (Brazil and Portugal).

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "pt",
    byline_openers: &["Por"],
    author_conjunctions: &["e"],
    see_also_labels: &[
        "Leia também",
        "Veja também",
        "Leia mais",
        "Saiba mais",
        "Notícias relacionadas",
    ],
    commentary_labels: &[
        ("Comentário", Extent::ToEnd),
        ("Nosso comentário", Extent::ToEnd),
        ("Nota da redação", Extent::OneParagraph),
        ("Nota da redacção", Extent::OneParagraph),
        ("Nota do editor", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Compartilhe", ShareWidget),
        ("Compartilhe isso", ShareWidget),
        ("Partilhe", ShareWidget),
        ("Partilhar isto", ShareWidget),
        ("Curtir", LikesWidget),
        ("Curtir isso", LikesWidget),
        ("Curtir Carregando...", LikesWidget),
        ("%d blogueiros gostam disto", LikesWidget),
        ("Carregando...", CmsWidget),
        ("Publicidade", CmsWidget),
        ("Continue lendo", CmsWidget),
        ("Deixe um comentário", CmsWidget),
        ("Deixe um comentário", CommentForm),
        ("Deixe uma resposta", CommentForm),
        ("Cancelar resposta", CommentForm),
        ("Esqueceu a senha?", CommentForm),
        ("Publicar comentário", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Índice", CmsWidget),
        ("Conteúdo", CmsWidget),
        ("Sumário", CmsWidget),
        ("Neste artigo", CmsWidget),
        // A site's search, filter and sort controls, its way back to the top
        // or on to the content, a shop's cart button.
        ("Pesquisar", CmsWidget),
        ("Filtros", CmsWidget),
        ("Ordenar por", CmsWidget),
        ("Voltar ao topo", CmsWidget),
        ("Ir para o conteúdo", CmsWidget),
        ("Adicionar ao carrinho", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Clique para compartilhar no", ShareWidget),
        ("Siga-nos no", CmsWidget),
        ("Assine nossa newsletter", CmsWidget),
        ("O seu endereço de email não será publicado", CommentForm),
        ("O seu endereço de e-mail não será publicado", CommentForm),
        (
            "Você precisa fazer o login para publicar um comentário",
            CommentForm,
        ),
        ("Faça login para comentar", CommentForm),
        ("Campos obrigatórios são marcados", CommentForm),
    ],
    timestamp_labels: &["Publicado", "Atualizado", "Atualização"],
    photo_credits: &["Foto:", "Imagem:", "(Foto de arquivo)", "(Foto: arquivo)"],
    wire_credits: &[
        ("Reportagem de", Reporter),
        ("Texto de", Reporter),
        ("Edição de", Editor),
        ("Editado por", Editor),
    ],
    contributor_openers: &[
        "Com informações de",
        "Com informações da",
        "Com informações do",
        "Colaborou",
        "Colaboraram",
    ],
    contributor_endings: &[
        "contribuiu para esta reportagem",
        "contribuíram para esta reportagem",
    ],
    rights_notices: &["Todos os direitos reservados"],
    republication_phrases: &[
        "publicado originalmente em",
        "publicado originalmente no",
        "publicado originalmente na",
        "publicado originalmente por",
        "republicado do",
        "republicado da",
        "republicado de",
    ],
};
