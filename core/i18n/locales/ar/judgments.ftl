# تقييمات كل ردّ يمكن أن تطلبها حملة بعد التصويت (core/campaigns/judgments.ts).
judgment-ask = اختياري، من أجل الحملة: ضع علامة على كل ردّ أو قيّمه (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = رسائل مزعجة
judgment-label-fails-task = لا يؤدي المهمة
judgment-label-wrong-language = لغة خاطئة
judgment-label-inappropriate = غير لائق
judgment-label-personal-data = بيانات شخصية
judgment-label-hate-speech = خطاب كراهية
judgment-label-sexual-content = محتوى جنسي
judgment-flag-set = تم التسجيل: { $side } — { $label }.
judgment-flag-removed = تمت الإزالة: { $side } — { $label }.
judgment-rated = تم التسجيل: { $side } بتقييم { $value }/{ $max }.
campaign-report-judgments = تقييمات المصوّتين للردود
campaign-report-judged = ردود مقيّمة
campaign-report-mean-rating = متوسط التقييم
