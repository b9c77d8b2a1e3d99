# نصوص ساحة التجربة على الويب (bots/web). رسائل النواة (الردود، بطاقات التصويت، الأصوات) موجودة في ملفات النواة.

web-title = ساحة تجربة Pnyx
web-room-title = { $room } · ساحة تجربة Pnyx
web-tagline = يجيب نموذجان مجهولان عن كل طلب. صوّت للرد الأفضل؛ يُكشف عن الاسمين بعد التصويت.
web-skip-to-composer = انتقل إلى مربع الرسالة
web-room-label = الغرفة
web-language-label = اللغة
web-language-apply = تطبيق
web-name-label = اسمك الظاهر
web-name-placeholder = مثلًا: ليلى
web-name-save = انضمام
web-name-change = تغيير الاسم
web-name-hint = يظهر لبقية أعضاء هذه الغرفة. يُحفظ في هذا المتصفح فقط.
web-name-invalid = اختر اسمًا من 1 إلى 40 حرفًا.
web-members-label = في الغرفة
web-members-none = لا أحد غيرك بعد. افتح هذه الصفحة في تبويب أو متصفح آخر لإضافة عضو.
web-you = أنت
web-messages-label = المحادثة
web-empty-room = لا رسائل بعد. اكتب طلبًا أدناه: سيجيب نموذجان مجهولان جنبًا إلى جنب.
web-bot-name = Pnyx
web-reply-label = الرد
web-prompt-label = طلبك
web-prompt-placeholder = اسأل النموذجين عن أي شيء…
web-prompt-hint = Enter يرسل، وShift+Enter يضيف سطرًا. الأوامر: ⁦/leaderboard⁩، ⁦/help⁩، ⁦/privacy⁩.
web-send = إرسال
web-sending = جارٍ الإرسال…
web-follow-up = اطرح سؤال متابعة
web-follow-up-label = اطرح سؤال متابعة في هذه المواجهة
web-replying-to = متابعة في المواجهة أعلاه
web-cancel-follow-up = إلغاء المتابعة
web-leaderboard-link = لوحة الترتيب
web-leaderboard-post = انشر لوحة الترتيب هنا
web-connection-connecting = جارٍ الاتصال…
web-connection-live = مباشر
web-connection-lost = انقطع الاتصال — جارٍ إعادة الاتصال…
web-typing = النموذجان يكتبان…
web-notice-private = لا يراه أحد سواك
web-dismiss = إغلاق
web-error-invalid-json = لم يكن الطلب JSON صالحًا، فلم يُرسل شيء.
web-error-invalid-request = الطلب ناقص أو غير سليم: { $details }
web-error-too-large = النص أطول من أن يُرسل: الحد الأقصى { $max } حرف.
web-error-room = تتكوّن أسماء الغرف من أحرف لاتينية صغيرة وأرقام وشرطات (من 1 إلى 40 حرفًا).
web-error-internal = حدث خطأ في الخادم. ما زال نصك في المربع — حاول مجددًا بعد لحظة.
web-error-network = تعذّر الوصول إلى خادم ساحة التجربة. تأكد من أن Pnyx ما زال يعمل، ثم حاول مجددًا.
web-error-not-found = لا توجد صفحة على هذا العنوان.
web-leaderboard-title = لوحة الترتيب
web-leaderboard-heading = لوحة الترتيب
web-leaderboard-back = العودة إلى الغرفة
web-leaderboard-empty = لم تُحسم أي مواجهة بعد. صوّت في إحدى الغرف ثم عُد.
web-leaderboard-provisional = عدد بسيط للانتصارات والهزائم في المواجهات المغلقة. يظهر الترتيب الإحصائي هنا حين يتوفر.
web-leaderboard-ranked = نتائج Bradley-Terry مع مجالات ثقة 95٪، من { $battles ->
    [zero] { $battles } مواجهة
    [one] مواجهة واحدة
    [two] مواجهتين
    [few] { $battles } مواجهات
    [many] { $battles } مواجهةً
   *[other] { $battles } مواجهة
}.
web-leaderboard-min-votes = يحتاج النموذج إلى { $min } أصوات على الأقل ليحصل على نتيجة؛ وحتى ذلك الحين يُدرج بعبارة «أصوات غير كافية».
web-leaderboard-computed = حُسبت { $when }.
web-leaderboard-col-rank = المرتبة
web-leaderboard-col-model = النموذج
web-leaderboard-col-score = النتيجة
web-leaderboard-col-ci = مجال 95٪
web-leaderboard-col-votes = الأصوات
web-leaderboard-col-wins = انتصارات
web-leaderboard-col-ties = تعادلات
web-leaderboard-col-losses = هزائم
web-leaderboard-col-winrate = نسبة الفوز
web-leaderboard-not-enough = أصوات غير كافية
web-demo-badge = نموذج تجريبي
web-room-language = لغة الغرفة: { $language }
web-room-language-hint = يغيّرها منشئ الغرفة عبر /settings.
web-error-name-taken = يحمل عضو آخر في هذه الغرفة الاسم «{ $name }». اختر اسمًا آخر.
web-error-rate-limited = هذا كثير دفعة واحدة: حاول مجددًا بعد { $seconds } ث.
web-error-cross-site = مرفوض: جاء هذا الطلب من موقع ويب آخر.
web-error-json-only = يجب إرسال الطلبات بصيغة JSON.
web-error-session = جلستك غير موجودة أو انتهت صلاحيتها. أعد تحميل الصفحة للمتابعة.
web-error-too-many-sessions = يوجد الآن عدد كبير جدًا من الزوار الجدد من شبكتك. حاول مجددًا بعد قليل.
web-new-messages = رسائل جديدة ↓
web-countdown = يُغلق التصويت بعد { $time }
web-countdown-closing = جارٍ إغلاق التصويت…
web-your-choice = صوتك
web-prompt-count = { $count } / { $max }
web-leaderboard-room = هذه الغرفة ({ $room })
web-leaderboard-global = الترتيب المشترك (كل المحادثات التي تُحتسب أصواتها)
