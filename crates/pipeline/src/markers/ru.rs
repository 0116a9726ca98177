//! Russian markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "ru",
    byline_openers: &["Автор", "Текст", "Авторы"],
    author_conjunctions: &["и"],
    see_also_labels: &[
        "Читайте также",
        "Смотрите также",
        "См. также",
        "Читать далее",
        "По теме",
    ],
    commentary_labels: &[
        ("Комментарий", Extent::ToEnd),
        ("Наш комментарий", Extent::ToEnd),
        ("От редакции", Extent::OneParagraph),
        ("Примечание редакции", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Поделиться", ShareWidget),
        ("Поделиться ссылкой", ShareWidget),
        ("Нравится", LikesWidget),
        ("Нравится Загрузка...", LikesWidget),
        ("%d блогерам нравится это", LikesWidget),
        ("Загрузка...", CmsWidget),
        ("Реклама", CmsWidget),
        ("Оставьте комментарий", CmsWidget),
        ("Добавить комментарий", CommentForm),
        ("Оставить комментарий", CommentForm),
        ("Отменить ответ", CommentForm),
        ("Забыли пароль?", CommentForm),
        ("Отправить комментарий", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Содержание", CmsWidget),
        ("Оглавление", CmsWidget),
        ("В этой статье", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Нажмите, чтобы поделиться в", ShareWidget),
        ("Подписывайтесь на нас в", CmsWidget),
        ("Подпишитесь на нашу рассылку", CmsWidget),
        ("Ваш адрес email не будет опубликован", CommentForm),
        ("Ваш e-mail не будет опубликован", CommentForm),
        (
            "Для отправки комментария вам необходимо авторизоваться",
            CommentForm,
        ),
        ("Войдите, чтобы оставить комментарий", CommentForm),
        ("Обязательные поля помечены", CommentForm),
    ],
    timestamp_labels: &["Опубликовано", "Обновлено"],
    photo_credits: &["Фото:", "Фото из архива", "(Архивное фото)"],
    wire_credits: &[("Репортаж", Reporter), ("Текст", Reporter), ("Редактор", Editor)],
    contributor_openers: &[
        "При участии",
        "Дополнительные материалы:",
        "С использованием материалов",
    ],
    contributor_endings: &[
        "принял участие в подготовке материала",
        "приняли участие в подготовке материала",
    ],
    rights_notices: &["Все права защищены"],
    republication_phrases: &[
        "впервые опубликован на",
        "впервые опубликован в",
        "впервые опубликована на",
        "впервые опубликована в",
        "впервые опубликовано на",
        "впервые опубликовано в",
        "первоначально опубликован на",
        "первоначально опубликован в",
        "оригинал опубликован на",
        "оригинал опубликован в",
    ],
};
