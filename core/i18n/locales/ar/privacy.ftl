## الطاقة عند الكشف (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } واط ساعة، { NUMBER($co2, maximumSignificantDigits: 2) } غ مكافئ CO₂ ≈ مصباح LED بقدرة 5 واط يعمل { $led }، أو { $streaming } من بث الفيديو
reveal-energy-method = قُدّرت الطاقة باستخدام { $method } (مزيج الكهرباء العالمي؛ مع احتساب العتاد)
energy-duration = { $unit ->
    [day] { $amount ->
        [zero] { $amount } يوم
        [one] يومًا واحدًا
        [two] يومين
        [few] { $amount } أيام
        [many] { $amount } يومًا
       *[other] { $amount } يوم
    }
    [hour] { $amount ->
        [zero] { $amount } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $amount } ساعات
        [many] { $amount } ساعةً
       *[other] { $amount } ساعة
    }
    [minute] { $amount ->
        [zero] { $amount } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $amount } دقائق
        [many] { $amount } دقيقةً
       *[other] { $amount } دقيقة
    }
   *[second] { $amount ->
        [zero] { $amount } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $amount } ثوانٍ
        [many] { $amount } ثانيةً
       *[other] { $amount } ثانية
    }
}

## الموافقة، تُعرض مرة واحدة لكل شخص عند أول تفاعل له (core/engine/people.ts)

consent-notice = 🔒 **عن بياناتك في Pnyx** (تُعرض مرة واحدة)
    يحفظ Pnyx أسئلتك والردود عليها وأصواتك وتفاعلاتك تحت معرّف داخلي، لا باسمك.
    إذا سمح مشرفو هذه المحادثة، فقد تُنشر في مجموعة بيانات بحثية مفتوحة، بعد تنقيتها من التفاصيل الشخصية وتحت اسم مستعار.
    { $privacy }: حالتك وزر لرفض النشر · { $mydata }: احصل على كل ما هو محفوظ عنك · { $forget }: امحُه.
consent-short = 🔒 يحفظ Pnyx أسئلتك وأصواتك؛ وقد تُنشر تحت اسم مستعار. { $privacy }: لرفض النشر أو الاطلاع عليها أو محوها.

## /privacy: حالة الشخص نفسه

privacy-status = **بياناتك**
    • النشر في مجموعات البيانات المفتوحة: { $optOut ->
        [yes] لقد رفضت النشر: لن يُنشر أي شيء يخصك أبدًا.
       *[no] مسموح حيث يسمح مشرفو المحادثة (تحت اسم مستعار، بعد التنقية من التفاصيل الشخصية).
    }
    • هذه المحادثة: { $chatPublish ->
        [yes] يسمح مشرفوها بنشر بياناتها.
       *[no] لا تُنشر بياناتها.
    }
    • يرسل لك { $mydata } كل ما هو محفوظ عنك؛ ويمحوه { $forget }.
privacy-btn-opt-out = 🚫 أبقِ بياناتي خارج مجموعات البيانات
privacy-btn-opt-in = ✅ اسمح بالنشر مجددًا
privacy-opted-out = تم: لن يُنشر أي شيء يخصك في مجموعة بيانات مفتوحة.
privacy-opted-in = تم: قد تُنشر بياناتك حيث يسمح مشرفو المحادثة (تحت اسم مستعار).

## /mydata

mydata-caption = كل ما يحفظه Pnyx عنك، بصيغة JSON.
mydata-sent = إليك كل ما يحفظه Pnyx عنك: الأسئلة: { $prompts }، الأصوات: { $votes }، التفاعلات: { $reactions }.
mydata-sent-direct = أرسلت إليك في رسالة خاصة كل ما يحفظه Pnyx عنك.
mydata-private-only = حفاظًا على خصوصيتك، لا أرسل بياناتك إلا في محادثة خاصة: افتح محادثة خاصة معي وأرسل { $command } هناك.
mydata-nothing = لم يحفظ Pnyx أي شيء عنك بعد.

## /forget

forget-confirm = **هل تريد محو بياناتك؟** سيؤدي هذا إلى إزالة أسئلتك والردود عليها وتفاعلاتك وملفك الشخصي وأصواتك من Pnyx، فورًا ونهائيًا. ويمكنك بدلًا من ذلك الاحتفاظ بأصواتك دون اسم: ستظل تُحتسب في لوحة الترتيب دون أي شيء يدل عليك.
forget-btn-all = 🗑 امحُ كل شيء
forget-btn-keep-votes = 🗑 امحُ، مع إبقاء أصواتي دون اسم
forget-btn-cancel = إلغاء
forget-done = تم المحو — الأسئلة: { $prompts }، الردود: { $replies }، الأصوات: { $votes }، التفاعلات: { $reactions }. { $kept ->
    [0] لم يبقَ منك أي شيء في Pnyx.
    [zero] لم يبقَ منك أي شيء في Pnyx.
    [one] أُبقي صوت واحد دون اسم.
    [two] أُبقي صوتان دون اسم.
    [few] أُبقيت { $kept } أصوات دون اسم.
    [many] أُبقي { $kept } صوتًا دون اسم.
   *[other] أُبقي { $kept } صوت دون اسم.
}
forget-cancelled = لم يُمحَ أي شيء.

## إعدادات المحادثة: النشر (للمشرفين)

settings-publish = نشر بيانات هذه المحادثة في مجموعات البيانات المفتوحة: { $on ->
    [yes] مسموح (تحت اسم مستعار، بعد التنقية من التفاصيل الشخصية؛ ويمكن لكل شخص الرفض عبر { $privacy })
   *[no] غير مسموح
}
settings-btn-publish = نشر البيانات: { $on ->
    [yes] مفعّل
   *[no] معطّل
}

## ملف شخصي اختياري (على غرار PRISM)، يُعرض مرة واحدة بعد الصوت الثالث

profile-offer = هل تخبرنا قليلًا عن نفسك؟ الأمر اختياري ومن دون اسم: تُستخدم الإجابات في فئات عامة فقط، لإظهار كيف ترتّب المجموعات المختلفة النماذج. يمكنك تخطي أي سؤال.
profile-btn-start = أجب عن بضعة أسئلة
profile-btn-skip = تخطَّ
profile-btn-skip-question = تخطَّ هذا السؤال
profile-btn-done = تم
profile-question-age = كم عمرك؟
profile-question-region = أين تعيش؟
profile-question-languages = ما اللغات التي تتحدثها؟ (اختر كل ما ينطبق، ثم «تم»)
profile-question-familiarity = ما مدى معرفتك بمساعدي الدردشة بالذكاء الاصطناعي؟
profile-question-goal = ما أكثر ما تريده من النموذج؟
profile-age-u18 = أقل من 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 أو أكثر
profile-region-eu = أوروبا
profile-region-na = أمريكا الشمالية
profile-region-la = أمريكا اللاتينية
profile-region-af = أفريقيا
profile-region-me = الشرق الأوسط
profile-region-as = آسيا
profile-region-oc = أوقيانوسيا
profile-lang-en = الإنجليزية
profile-lang-fr = الفرنسية
profile-lang-es = الإسبانية
profile-lang-de = الألمانية
profile-lang-ar = العربية
profile-lang-zh = الصينية
profile-lang-other = أخرى
profile-familiarity-never = لم أستخدمها قط
profile-familiarity-sometimes = أحيانًا
profile-familiarity-weekly = كل أسبوع
profile-familiarity-daily = كل يوم
profile-goal-factual = معلومات دقيقة
profile-goal-creative = الإبداع
profile-goal-concise = إجابات قصيرة
profile-goal-detailed = إجابات مفصّلة
profile-goal-safe = الأمان
profile-goal-personal = لمسة شخصية
profile-saved = حُفظ. { profile-thanks }
profile-thanks = شكرًا لك!
profile-skipped = لا مشكلة: لن نسألك مرة أخرى. يتيح لك { $privacy } محو إجاباتك في أي وقت.
profile-finished = شكرًا لك! إجاباتك محفوظة مع بياناتك؛ ويمحوها { $forget }.

command-mydata = احصل على كل ما يحفظه Pnyx عنك
command-forget = امحُ بياناتك من Pnyx
