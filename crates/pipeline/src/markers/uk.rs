//! Ukrainian markers.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "uk",
    byline_openers: &["Автор", "Авторка", "Автори"],
    author_conjunctions: &["і", "та"],
    see_also_labels: &[
        "Читайте також",
        "Дивіться також",
        "Див. також",
        "Читати далі",
        "За темою",
    ],
    commentary_labels: &[
        ("Коментар", Extent::ToEnd),
        ("Наш коментар", Extent::ToEnd),
        ("Від редакції", Extent::OneParagraph),
        ("Примітка редакції", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("Поділитися", ShareWidget),
        ("Поширити", ShareWidget),
        ("Подобається", LikesWidget),
        ("Подобається Завантаження...", LikesWidget),
        ("%d блогерам подобається це", LikesWidget),
        ("Завантаження...", CmsWidget),
        ("Реклама", CmsWidget),
        ("Залиште коментар", CmsWidget),
        ("Залишити коментар", CommentForm),
        ("Додати коментар", CommentForm),
        ("Скасувати відповідь", CommentForm),
        ("Забули пароль?", CommentForm),
        ("Надіслати коментар", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("Зміст", CmsWidget),
        ("У цій статті", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("Натисніть, щоб поділитися в", ShareWidget),
        ("Стежте за нами в", CmsWidget),
        ("Підпишіться на нашу розсилку", CmsWidget),
        ("Ваша e-mail адреса не оприлюднюватиметься", CommentForm),
        ("Ваша адреса електронної пошти не буде опублікована", CommentForm),
        ("Увійдіть, щоб залишити коментар", CommentForm),
        ("Обов’язкові поля позначені", CommentForm),
    ],
    timestamp_labels: &["Опубліковано", "Оновлено"],
    photo_credits: &["Фото:", "(Архівне фото)"],
    wire_credits: &[("Репортаж", Reporter), ("Текст", Reporter), ("Редактор", Editor)],
    contributor_openers: &["За участі", "З використанням матеріалів"],
    contributor_endings: &[
        "долучився до підготовки матеріалу",
        "долучилася до підготовки матеріалу",
        "долучилися до підготовки матеріалу",
    ],
    rights_notices: &[
        "Усі права захищені",
        "Всі права захищені",
        "Усі права захищено",
        "Всі права захищено",
    ],
    republication_phrases: &[
        "вперше опубліковано на",
        "вперше опубліковано в",
        "вперше опублікована на",
        "вперше опублікована в",
        "вперше опублікований на",
        "вперше опублікований в",
        "першоджерело:",
        "оригінал опубліковано на",
        "оригінал опубліковано в",
    ],
};
