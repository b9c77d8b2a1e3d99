# نصوص لوحة الترتيب (core/ranking): الجدول بعرض الهاتف، والرسم البياني، وملاحظات سطر الأوامر.

ranking-title = لوحة الترتيب
ranking-title-segment = لوحة الترتيب · { $segment }
ranking-votes = { $n ->
    [zero] { $shown } صوت
    [one] صوت واحد
    [two] صوتان
    [few] { $shown } أصوات
    [many] { $shown } صوتًا
   *[other] { $shown } صوت
}
ranking-battles = { $n ->
    [zero] { $shown } مواجهة
    [one] مواجهة واحدة
    [two] مواجهتان
    [few] { $shown } مواجهات
    [many] { $shown } مواجهةً
   *[other] { $shown } مواجهة
}
ranking-summary = { $votes } · { $battles }
ranking-computed = آخر تحديث { DATETIME($date, dateStyle: "medium", timeStyle: "short", timeZone: "UTC") } UTC
ranking-col-rank = #
ranking-col-model = النموذج
ranking-col-score = النتيجة
ranking-col-votes = أصوات
ranking-legend = مجال ± { $level }٪، # = نطاق المراتب
ranking-style-legend = مع ضبط الأسلوب: استُبعد أثر الطول وMarkdown (طريقة compar:IA)
ranking-style-legend-lmarena = مع ضبط الأسلوب: استُبعد أثر الطول وMarkdown (طريقة LMArena)
ranking-not-enough-title = لا أصوات كافية بعد (أقل من { $min }):
ranking-not-enough-item = { $model } ({ $votes })
ranking-more = …وغيرها ({ $count })
ranking-empty = لا أصوات بعد في لوحة الترتيب هذه. صوّت في بضع مواجهات وستظهر هنا.
ranking-axis = النتيجة: 100 نقطة أكثر = يفوز في نحو 64٪ من المرات
ranking-axis-hint = 200 نقطة أكثر: نحو 76٪؛ 400 نقطة أكثر: نحو 91٪
ranking-legend-rank1 = قد يكون الأول: نطاق مراتبه يشمل المرتبة 1
ranking-legend-others = النماذج الأخرى: النقطة = النتيجة، الشريط = مجال { $level }٪
ranking-legend-bound = السهم: مجال مفتوح، والنتيجة مجرد حدّ
ranking-style-label = مع ضبط الأسلوب: استُبعد أثر الطول وMarkdown ({ $variant ->
    [lmarena] طريقة LMArena
   *[comparia] طريقة compar:IA
})
ranking-chart-alt = رسم لوحة الترتيب: { $count ->
    [zero] لا نماذج
    [one] نموذج واحد
    [two] نموذجان
    [few] { $count } نماذج
    [many] { $count } نموذجًا
   *[other] { $count } نموذج
} مع النتائج ومجالات { $level }٪
ranking-flag-bound-lower = لم يخسر قط: نتيجته مجرد حدّ أدنى
ranking-flag-bound-upper = لم يفز قط: نتيجته مجرد حدّ أعلى
ranking-warning-groups = عدد مجموعات النماذج التي لم تفز ولم تخسر بعضها أمام بعض: { $count }؛ لا تُقارن النتائج إلا داخل المجموعة الواحدة
ranking-warning-not-comparable = { $count ->
    [zero] لا نتيجة لـ { $models }: لم تفز ولم تخسر معًا أمام مجموعة من النماذج
    [one] لا نتيجة لـ { $models }: لم يفز ولم يخسر معًا أمام مجموعة من النماذج
    [two] لا نتيجة لـ { $models }: لم يفوزا ولم يخسرا معًا أمام مجموعة من النماذج
    [few] لا نتيجة لـ { $models }: لم تفز ولم تخسر معًا أمام مجموعة من النماذج
    [many] لا نتيجة لـ { $models }: لم تفز ولم تخسر معًا أمام مجموعة من النماذج
   *[other] لا نتيجة لـ { $models }: لم تفز ولم تخسر معًا أمام مجموعة من النماذج
}
ranking-warning-voters = { $count ->
    [zero] لا مصوّتين يصوّتون عشوائيًا أو عكس الجميع
    [one] مصوّت واحد يصوّت عشوائيًا أو عكس الجميع
    [two] مصوّتان يصوّتان عشوائيًا أو عكس الجميع
    [few] { $count } مصوّتين يصوّتون عشوائيًا أو عكس الجميع
    [many] { $count } مصوّتًا يصوّتون عشوائيًا أو عكس الجميع
   *[other] { $count } مصوّت يصوّتون عشوائيًا أو عكس الجميع
}
ranking-warning-daily-cap = { $count ->
    [zero] لم يُستبعد أي صوت فوق الحد اليومي للشخص
    [one] استُبعد صوت واحد فوق الحد اليومي للشخص
    [two] استُبعد صوتان فوق الحد اليومي للشخص
    [few] استُبعدت { $count } أصوات فوق الحد اليومي للشخص
    [many] استُبعد { $count } صوتًا فوق الحد اليومي للشخص
   *[other] استُبعد { $count } صوت فوق الحد اليومي للشخص
}
ranking-warning-style-unknown = ضبط الأسلوب: عدد نماذج المواجهات التي لا أصوات لها هنا: { $count }
ranking-group-title = المجموعة { $index } · { $relation ->
    [above] فازت فقط على المجموعة 1
    [below] خسرت فقط أمام المجموعة 1
    [unordered] غير مقارنة بالمجموعة 1
   *[disconnected] لم تُقارن قط بالمجموعة 1
}
ranking-not-comparable-title = لا نتيجة بعد
ranking-segment-category = { $value }
ranking-category-coding = البرمجة
ranking-category-math = الرياضيات
ranking-category-creative-writing = الكتابة الإبداعية
ranking-category-instruction-following = اتباع التعليمات
ranking-category-hard-prompts = الطلبات الصعبة
ranking-category-long-query = الطلبات الطويلة
ranking-category-multi-turn = عدة جولات
ranking-heatmap-title = كم مرة يتغلّب الصف على العمود
ranking-heatmap-note = النسبة الملاحظة للانتصارات ٪ (التعادل يُحسب نصفًا)؛ فارغ = لم يتواجها قط
ranking-counts-title = الأصوات بين كل زوج من النماذج
ranking-counts-note = عدد الأصوات المحتسبة؛ الأغمق = أكثر
ranking-heatmap-alt = جدول نسب الفوز بين النماذج (العدد: { $count }): كم مرة يتغلّب كل نموذج على كل نموذج آخر
ranking-counts-alt = عدد الأصوات بين كل زوج من النماذج (العدد: { $count })
ranking-segment-language = اللغة { $value }
ranking-segment-campaign = الحملة { $value }
ranking-segment-platform = { $value }
ranking-segment-chat = هذه المحادثة
ranking-segment-since = منذ { $value }
ranking-segment-until = حتى { $value }
ranking-compare-tau = التوافق مع الترتيب العام: τ لكندال = { $tau }
ranking-compare-shift-up = ▲ { $model }: المرتبة { $local } هنا، و{ $global } عمومًا
ranking-compare-shift-down = ▼ { $model }: المرتبة { $local } هنا، و{ $global } عمومًا
ranking-report-title = تقرير المنظِّمين
ranking-report-read = الأصوات المحتسبة: { $votes } في { $battles } مواجهة
ranking-report-left-out = مستبعد: { $anony } غير مجهولة (LMArena anony = false)، { $dedup } طلبات مكررة (إزالة التكرار)، { $cap } فوق الحد اليومي، { $noprompt } بلا نص الطلب للفئة
ranking-report-voters = جودة المصوّتين ({ $policy ->
    [flag] تعليم فقط
    [downweight] خُفِّض وزن المصوّتين المُعلَّمين
   *[exclude] استُبعد المصوّتون المُعلَّمون
}، مستوى الاختبار { $alpha }): فُحص { $checked } من المصوّتين الذين لديهم { $min } أصوات على الأقل لـ A أو B؛ عُلِّم { $flagged } ({ $share })، منهم { $random } يصوّتون عشوائيًا و{ $adversarial } عكس الجميع؛ أصواتهم تمثل { $voteShare } من كل الأصوات.
ranking-report-voters-off = جودة المصوّتين: لم تُفحص (استخدم --voters flag أو downweight أو exclude).
ranking-report-voter-head = المصوّتون المُعلَّمون، الأقوى دليلًا أولًا (المصوّت · الأصوات · التوافق مع الإجماع · النوع):
ranking-report-voter-line = { $voter } · { $votes } · { $agreement } · { $kind ->
    [random] عشوائي
   *[adversarial] عكس الجميع
}
ranking-report-herding-head = سلوك القطيع في كل محادثة: هل يتبع المصوّتون اللاحقون العدد الظاهر أكثر مما تقتضيه الصدفة؟ (المحادثة · المواجهات · تبعوا · المتوقع · p)
ranking-report-herding-line = { $chat } · { $battles } · { $rate } · { $expected } · p = { $p }
ranking-report-herding-note = لا يمكن لأي اختبار على ترتيب الأصوات أن يميّز اتباع العدد بنسبته عن الذوق المشترك؛ قيمة p صغيرة تعني اتباعًا يتجاوز ذلك.
ranking-report-herding-off = سلوك القطيع: لم يُفحص (استخدم --herding، مع قاعدة البيانات فقط).
ranking-category-all = كل الطلبات
ranking-category-unknown = لا توجد فئة «{ $value }». الفئات: { $list }.
ranking-category-unavailable = لا تُسجَّل الفئات بعد في قاعدة بيانات هذه الساحة.
ranking-campaign-unknown = لا توجد حملة «{ $value }».
