//! Arabic markers. Arabic has no letter case; labels match as printed.

use super::{
    CreditRole::{Editor, Reporter},
    Extent, LanguageMarkers,
};
use crate::article::RemovedKind::{CmsWidget, CommentForm, LikesWidget, ShareWidget};

pub(crate) const MARKERS: LanguageMarkers = LanguageMarkers {
    language: "ar",
    byline_openers: &["بقلم", "كتب", "كتبت"],
    author_conjunctions: &["و"],
    see_also_labels: &[
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "اقرأ ايضا",
        "شاهد أيضا",
        "شاهد أيضاً",
        "مواضيع ذات صلة",
    ],
    commentary_labels: &[
        ("تعليق", Extent::ToEnd),
        ("تعليقنا", Extent::ToEnd),
        ("ملاحظة المحرر", Extent::OneParagraph),
        ("ملاحظة التحرير", Extent::OneParagraph),
    ],
    boilerplate_lines: &[
        ("شارك", ShareWidget),
        ("شارك هذا", ShareWidget),
        ("شارك المقال", ShareWidget),
        ("أعجبني هذا", LikesWidget),
        ("إعجاب تحميل...", LikesWidget),
        ("%d من المدونين معجبون بهذه", LikesWidget),
        ("تحميل...", CmsWidget),
        ("إعلان", CmsWidget),
        ("اترك تعليقاً", CmsWidget),
        ("اترك تعليقاً", CommentForm),
        ("اترك تعليقا", CommentForm),
        ("أضف تعليق", CommentForm),
        ("أضف تعليقاً", CommentForm),
        ("إلغاء الرد", CommentForm),
        ("نسيت كلمة المرور؟", CommentForm),
        // The label of a table of contents, whose links are not the text.
        ("المحتويات", CmsWidget),
        ("جدول المحتويات", CmsWidget),
        ("محتويات المقال", CmsWidget),
    ],
    boilerplate_prefixes: &[
        ("انقر للمشاركة على", ShareWidget),
        ("تابعونا على", CmsWidget),
        ("اشترك في نشرتنا", CmsWidget),
        ("لن يتم نشر عنوان بريدك الإلكتروني", CommentForm),
        ("يجب أن تكون مسجل الدخول لتضيف تعليقاً", CommentForm),
        ("سجّل الدخول للتعليق", CommentForm),
        ("الحقول الإلزامية مشار إليها", CommentForm),
    ],
    timestamp_labels: &["نشر في", "آخر تحديث", "تم التحديث"],
    photo_credits: &["تصوير:", "الصورة:", "(صورة أرشيفية)"],
    wire_credits: &[("إعداد", Reporter), ("تغطية صحفية", Reporter), ("تحرير", Editor)],
    contributor_openers: &[
        "شارك في التغطية",
        "ساهم في إعداد التقرير",
        "شارك في إعداد التقرير",
    ],
    contributor_endings: &["في إعداد هذا التقرير"],
    rights_notices: &["جميع الحقوق محفوظة"],
    republication_phrases: &[
        "نشر هذا المقال أصلا في",
        "نُشر هذا المقال أصلاً في",
        "نشر في الأصل على",
        "نُشر في الأصل على",
        "نشر في الأصل في",
        "نُشر في الأصل في",
    ],
};
