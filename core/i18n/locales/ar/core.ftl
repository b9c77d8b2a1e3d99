## رسائل المواجهة — يراها الجميع في المحادثة

model-demo-name = { $name } (نموذج تجريبي)
reply-header = **النموذج { $side }**
reply-header-revealed = **النموذج { $side }** · { $model }
reply-waiting = _يفكّر…_
reply-empty = _(رد فارغ)_
reply-failed = ⚠️ تعذّر هذا الرد: { $reason }
react-like = 👍 { $side }
react-dislike = 👎 { $side }

vote-a = 👈 A أفضل
vote-b = 👉 B أفضل
vote-tie = 🤝 تعادل
vote-both_bad = 👎 كلاهما سيئ

choice-a = A أفضل
choice-b = B أفضل
choice-tie = تعادل
choice-both_bad = كلاهما سيئ

ballot-question = **أيّ الردّين أفضل؟** صوّت أدناه؛ يُكشف عن النموذجين بعد تصويتك.
ballot-votes = { $votes ->
    [0] 🗳️ لا أصوات بعد.
    [zero] 🗳️ لا أصوات بعد.
    [one] 🗳️ صوت واحد حتى الآن.
    [two] 🗳️ صوتان حتى الآن.
    [few] 🗳️ { $votes } أصوات حتى الآن.
    [many] 🗳️ { $votes } صوتًا حتى الآن.
   *[other] 🗳️ { $votes } صوت حتى الآن.
}
ballot-closes-in = يُغلق التصويت بعد { $minutes ->
    [zero] { $minutes } دقيقة.
    [one] دقيقة واحدة.
    [two] دقيقتين.
    [few] { $minutes } دقائق.
    [many] { $minutes } دقيقةً.
   *[other] { $minutes } دقيقة.
}
ballot-closes-after = يُغلق التصويت بعد { $votes ->
    [zero] { $votes } صوت.
    [one] صوت واحد.
    [two] صوتين.
    [few] { $votes } أصوات.
    [many] { $votes } صوتًا.
   *[other] { $votes } صوت.
}
ballot-moved = ⬇️ استمرت المحادثة: صوّت على أحدث بطاقة تصويت أدناه.
ballot-closed = **أُغلق التصويت** · { $votes ->
    [0] لا أصوات
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
}
ballot-tally = A أفضل: { $a } · B أفضل: { $b } · تعادل: { $tie } · كلاهما سيئ: { $bothBad }
ballot-leak = ⚠️ ذكر أحد الردّين اسم نموذج أو مختبر، لذلك لا تُحتسب هذه المواجهة في لوحة الترتيب.

reveal-line = **{ $side }** كان **{ $model }**{ $details } — { $seconds } ث، الرموز: { $tokens }
reveal-short = A كان { $a } · B كان { $b }
reveal-params = { $billions } مليار معامل

battle-failed = ⚠️ تعذّر إكمال هذه المواجهة ({ $reason }). لا تُقبل عليها أصوات؛ يُرجى طرح السؤال مجددًا.
followup-failed = ⚠️ تعذّرت الإجابة عن سؤال المتابعة ({ $reason }). تبقى المواجهة مفتوحة: ما زال بإمكانك التصويت على المحادثة حتى الآن، أو طرح السؤال مجددًا.
battle-interrupted = ⚠️ انقطعت مواجهة لأن Pnyx أُعيد تشغيله. لا تُقبل عليها أصوات؛ يُرجى طرح السؤال مجددًا.
failure-no-models = لا تتوفر نماذج كافية الآن
failure-restart = أُعيد تشغيل Pnyx بينما كانت النماذج تجيب
failure-stopped = يجري إيقاف Pnyx

## ردود خاصة — لا يراها إلا الشخص المعني

prompt-empty = اكتب سؤالًا أو مهمة، مثلًا: ما هو الثقب الأسود؟
prompt-too-long = عدد أحرف رسالتك { $length }، والحد الأقصى { $max }. يُرجى اختصارها.
rate-limited = أنت تتقدّم بسرعة بعض الشيء. يُرجى المحاولة مجددًا بعد { $seconds ->
    [zero] { $seconds } ثانية.
    [one] ثانية واحدة.
    [two] ثانيتين.
    [few] { $seconds } ثوانٍ.
    [many] { $seconds } ثانيةً.
   *[other] { $seconds } ثانية.
}
chat-rate-limited = بدأت هذه المحادثة مواجهات كثيرة في الدقيقة الأخيرة. يُرجى المحاولة مجددًا بعد { $seconds ->
    [zero] { $seconds } ثانية.
    [one] ثانية واحدة.
    [two] ثانيتين.
    [few] { $seconds } ثوانٍ.
    [many] { $seconds } ثانيةً.
   *[other] { $seconds } ثانية.
}
battle-queued = مواجهتك في الانتظار: { $ahead ->
    [zero] لا مواجهات قبلها
    [one] تجري مواجهة واحدة قبلها
    [two] تجري مواجهتان قبلها
    [few] تجري { $ahead } مواجهات قبلها
    [many] تجري { $ahead } مواجهةً قبلها
   *[other] تجري { $ahead } مواجهة قبلها
} في هذه المحادثة، كي لا تزدحم. تصل الإجابات حين يحين دورها.
arena-paused = الساحة متوقفة مؤقتًا في هذه المحادثة. يمكن لأحد المشرفين إعادة تشغيلها بالأمر { $command }.
no-models = لا تتوفر الآن نماذج كافية لإجراء مواجهة. يُرجى المحاولة لاحقًا.
battle-max-turns = بلغت هذه المواجهة الحد الأقصى من الجولات ({ $max }). ابدأ مواجهة جديدة للمتابعة.
battle-not-open = انتهت هذه المواجهة. أرسل رسالة جديدة لبدء مواجهة أخرى.
vote-counted = صوّتَّ: { $choice }.
vote-duplicate = لقد صوّتَّ بالفعل في هذه المواجهة: { $choice }. يصوّت كل شخص مرة واحدة.
vote-changed = غيّرت صوتك: { $choice } (كان { $from }). كنت قد رأيت الأسماء، لذا تحتفظ لوحات الترتيب باختيارك الأول الأعمى.
followup-after-reveal = صوّتَّ على هذه المواجهة ورأيت أسماء النماذج، لذا لم يعد بإمكانك إضافة أسئلة إليها: يجب أن يبقى باقي المحادثة أعمى. أرسل رسالة جديدة لبدء مواجهة أخرى.
vote-reasons-ask = لماذا؟ أضف أسبابك إن شئت:
vote-reason-no-vote = صوّت أولًا، ثم أضف أسبابك.
vote-closed = أُغلق التصويت على هذه المواجهة.
vote-too-early = يُرجى الانتظار حتى يكتمل الردّان قبل التصويت.
vote-failed = تعذّر إكمال هذه المواجهة، لذا لا تُقبل عليها أصوات.
vote-reveal = { $reveal }
action-stale = لم يعد هذا الزر صالحًا. ابدأ مواجهة جديدة للتصويت.
reaction-saved = شكرًا! { $kind ->
    [like] أعجبك
   *[dislike] لم يعجبك
} الرد { $side }. أضف أسبابك إن شئت:
reason-saved = حُفظ السبب: { $reason }.

reason-useful = مفيد
reason-complete = كامل
reason-creative = مبدع
reason-clear_formatting = تنسيق واضح
reason-incorrect = غير صحيح
reason-superficial = سطحي
reason-instructions_not_followed = لم يتّبع التعليمات

## الأوامر

help-text = **Pnyx — ساحة عمياء لنماذج اللغة** 🏛️

    اسأل عن أي شيء: يجيب نموذجان مجهولان جنبًا إلى جنب باسم **A** و**B**. صوّت للرد الأفضل بالأزرار — 👈 A أو 👉 B أو 🤝 تعادل أو 👎 كلاهما سيئ. يُكشف لك عن النموذجين مباشرة بعد تصويتك، وللجميع عند إغلاق التصويت.

    • في المحادثة الخاصة، اكتب رسالتك فحسب.
    • في المجموعة، استخدم { $arena } متبوعًا برسالتك، أو اذكرني، أو ردّ على مواجهة لمتابعتها.
    • 👍/👎 تحت الرد تخبرنا بما أعجبك وما لم يعجبك.
    • { $leaderboard } يعرض لوحة الترتيب المبنية على أصوات الجميع.
    • { $privacy } يوضح ما يُحفظ ولماذا. { $settings } (لمشرفي المجموعة) يضبط الساحة هنا.
start-text = أهلًا بك في Pnyx! { help-text }
privacy-text = **ما يحفظه Pnyx، ولماذا**

    • رسائلك إلى الساحة وردود النموذجين، لعرض المواجهة وبناء مجموعات بيانات مفتوحة من المحادثات.
    • أصواتك وتفاعلاتك، لحساب لوحة الترتيب.
    • معرّف مستعار لك. يُستخدم معرّفك على المنصة لإيصال الرسائل فقط ولا يُنشر أبدًا.

    تستبعد مجموعات البيانات المنشورة المحادثات المُعلَّمة بأنها تحتوي على بيانات شخصية. لا تكتب معلومات شخصية (أسماء أو عناوين أو بيانات صحية أو مالية) في رسائلك.
unknown-command = لا أعرف هذا الأمر. جرّب { $command }.

settings-title = **إعدادات الساحة لهذه المحادثة**
settings-admins-only = لا يمكن تغيير إعدادات الساحة إلا لمشرفي المحادثة.
settings-saved = حُفظت الإعدادات.
settings-enabled = الساحة: { $on ->
    [yes] ✅ مفعّلة
   *[no] ⏸ متوقفة مؤقتًا
}
settings-trigger = تبدأ المواجهات عند: { $trigger ->
    [all] كل رسالة
   *[addressed] الأوامر والإشارات والردود
}
settings-reveal = يُغلق التصويت: { $policy }
settings-language = اللغة: { $language }
settings-models = النماذج المسموح بها: { $count } من { $total }
settings-btn-toggle = { $on ->
    [yes] ⏸ إيقاف الساحة مؤقتًا
   *[no] ▶️ تشغيل الساحة
}
settings-btn-trigger-addressed = الأوامر والإشارات
settings-btn-trigger-all = كل رسالة
settings-btn-model = { $on ->
    [yes] ✅
   *[no] ⬜
} { $model }
settings-schedule = نشر لوحة الترتيب: { $preset ->
    [daily] كل يوم الساعة 18:00 ({ $timezone })
    [weekly] كل يوم اثنين الساعة 18:00 ({ $timezone })
    [custom] وفق الجدول { $cron } ({ $timezone })
   *[off] متوقف
}
settings-timezone-hint = _المنطقة الزمنية: { $command } timezone Africa/Cairo_
settings-btn-schedule = 📊 { $preset ->
    [daily] يوميًا
    [weekly] أسبوعيًا
   *[off] بلا نشر
}
settings-usage = استخدم { $command } وحده لعرض القائمة، أو { $command } timezone المنطقة/المدينة (مثلًا Africa/Cairo).
settings-bad-timezone = «{ $zone }» ليست منطقة زمنية أعرفها. استخدم اسمًا مثل Africa/Cairo أو Asia/Riyadh.
settings-models-minimum = يجب أن يبقى نموذجان على الأقل مسموحًا بهما لكي تُجرى المواجهات.
policy-votes = { $votes ->
    [zero] بعد { $votes } صوت
    [one] بعد أول صوت
    [two] بعد صوتين
    [few] بعد { $votes } أصوات
    [many] بعد { $votes } صوتًا
   *[other] بعد { $votes } صوت
}
policy-minutes = { $minutes ->
    [zero] بعد { $minutes } دقيقة
    [one] بعد دقيقة واحدة
    [two] بعد دقيقتين
    [few] بعد { $minutes } دقائق
    [many] بعد { $minutes } دقيقةً
   *[other] بعد { $minutes } دقيقة
}
policy-default = الافتراضي ({ $policy })
language-auto = تلقائية
language-en = English
language-fr = Français
language-de = Deutsch
language-es = Español
language-it = Italiano
language-pt = Português
language-nl = Nederlands
language-ar = العربية

leaderboard-empty = لا أصوات بعد — تظهر لوحة الترتيب بعد التصويت على المواجهات الأولى.
leaderboard-title = **لوحة الترتيب** ({ $votes ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
})

## الموجة الثانية: الإشعارات والنماذج والسلاسل والقوائم المقسّمة إلى صفحات

event-failed = عذرًا، حدث خطأ من جهة Pnyx. لم يُفقد شيء؛ يُرجى المحاولة مجددًا بعد لحظة.
failure-internal = خطأ داخلي
prompt-echo = 💬 **{ $name }** يسأل:
vote-why-button = ✍️ اذكر السبب
vote-why-title = لماذا هذا التصويت؟
vote-why-label = ما الذي صنع الفرق؟ (اختياري، يُحفظ مع صوتك)
vote-why-placeholder = مثلًا: أجاب B عن السؤال؛ أما A فكرّره فقط.
vote-why-saved = شكرًا — حُفظ تعليلك مع صوتك.
vote-why-empty = كان التعليل فارغًا، فلم يُحفظ شيء.
vote-why-too-long = يُرجى ألا يتجاوز عدد الأحرف { $max }.
form-submit = حفظ
settings-layout = تظهر المواجهات: { $layout ->
    [inline] في القناة
   *[thread] في سلسلة خاصة بها
}
settings-btn-layout-thread = 🧵 في سلسلة
settings-btn-layout-inline = 💬 في القناة
settings-btn-timezone = 🕒 المنطقة الزمنية: { $timezone }
settings-timezone-title = المنطقة الزمنية
settings-timezone-label = المنطقة الزمنية لهذه المحادثة (المنطقة/المدينة)
settings-timezone-saved = ضُبطت المنطقة الزمنية على { $zone }.
settings-btn-page-previous = ▶ السابق
settings-btn-page-next = التالي ◀
settings-page = الصفحة { $page }/{ $pages }

## فهرس الأوامر (الأوصاف التي تعرضها المنصات في قوائم الأوامر)

command-arena = ابدأ مواجهة: يجيب نموذجان مجهولان
command-arena-prompt = سؤالك أو مهمتك للنموذجين
command-leaderboard = الترتيب الحالي للنماذج
command-help = كيف تبدأ مواجهة وتصوّت
command-privacy = ما يُحفظ ولماذا
command-settings = إعدادات الساحة لهذه المحادثة (للمشرفين)
command-settings-timezone = المنطقة الزمنية لهذه المحادثة، مثل Africa/Cairo
command-start = ما هو Pnyx وكيف تصوّت

## ما يُقرأ عندما يفشل نموذج (كلام المزوّد يبقى في السجل)

failure-side = النموذج { $side }
failure-model-kind = { $model } { $kind ->
    [timeout] استغرق وقتًا طويلًا في الإجابة
    [rate_limited] يحدّ مزوّده من طلباته الآن
    [service_error] واجه خطأ لدى مزوّده
    [unreachable] تعذّر الوصول إليه
    [refused] رفضه مزوّده — ينبغي لأحد المشرفين مراجعة إعداداته
    [rejected] لم يستطع قبول هذا الطلب
    [malformed] أرسل ردًا تعذّرت قراءته
   *[internal] فشل
}
failure-kind = { $kind ->
    [timeout] استغرق وقتًا طويلًا
    [rate_limited] يحدّ مزوّده من طلباته الآن
    [service_error] حدث خطأ لدى مزوّده
    [unreachable] تعذّر الوصول إليه
    [refused] رفض مزوّده الطلب
    [rejected] لم يستطع قبول هذا الطلب
    [malformed] تعذّرت قراءة ردّه
   *[internal] فشل
}

## حدود الإنفاق على النماذج المدفوعة

spend-cap-chat = بلغت هذه المحادثة حد الإنفاق اليومي على النماذج المدفوعة (${ $cap }). تُستأنف المواجهات بعد { $hours ->
    [zero] أقل من ساعة (عند منتصف الليل UTC).
    [one] ساعة تقريبًا (عند منتصف الليل UTC).
    [two] ساعتين تقريبًا (عند منتصف الليل UTC).
    [few] { $hours } ساعات تقريبًا (عند منتصف الليل UTC).
    [many] { $hours } ساعةً تقريبًا (عند منتصف الليل UTC).
   *[other] { $hours } ساعة تقريبًا (عند منتصف الليل UTC).
}
spend-cap-all = بلغ Pnyx حد الإنفاق اليومي على النماذج المدفوعة (${ $cap }) في جميع المحادثات. تُستأنف المواجهات بعد { $hours ->
    [zero] أقل من ساعة (عند منتصف الليل UTC).
    [one] ساعة تقريبًا (عند منتصف الليل UTC).
    [two] ساعتين تقريبًا (عند منتصف الليل UTC).
    [few] { $hours } ساعات تقريبًا (عند منتصف الليل UTC).
    [many] { $hours } ساعةً تقريبًا (عند منتصف الليل UTC).
   *[other] { $hours } ساعة تقريبًا (عند منتصف الليل UTC).
}
settings-spend = الحد اليومي للنماذج المدفوعة: { $cap ->
    [none] لا يوجد
   *[other] ${ $cap }
}
settings-btn-spend = { $cap ->
    [default] 💶 الافتراضي
   *[other] 💶 ${ $cap }/يوم
}

## اللغات التي تجمع بها المحادثة الطلبات

language-not-accepted = 🌍 تجمع هذه المحادثة الطلبات باللغة { $languages }، ويبدو أن طلبك باللغة { $language }. يُرجى كتابته باللغة { $languages } لبدء مواجهة.
settings-languages = لغات الطلبات المقبولة: { $languages }
