# نصوص لا تقولها إلا المواجهة في الطرفية (npm run battle). رسائل المواجهة نفسها (الردود، التصويت، الكشف)
# موجودة في فهرس النواة.

terminal-usage =
    الاستخدام: npm run battle -- [options] "طلبك"

    يُجري في هذه الطرفية مواجهة عمياء بين نموذجين من النماذج المُعدّة، ويطلب صوتك، ثم يكشف عن النموذجين مع زمن
    الاستجابة وعدد الرموز لكل منهما. استخدمه للتحقق من إعداد النماذج قبل تثبيت بوت. تُحفظ المواجهة والصوت مثل
    غيرهما (DATABASE_URL، الافتراضي file:./data/pnyx.db).

    الخيارات:
      --lang CODE       لغة الرسائل: en أو fr أو de أو es أو it أو pt أو nl أو ar (الافتراضي: لغة النظام،
                        وإلا لغة الإعداد)
      --models a,b      اقصر المواجهة على معرّفات النماذج هذه (اثنان على الأقل، مفصولة بفواصل)
      -h, --help        اعرض هذه المساعدة

    الإعداد: pnyx.config.yaml، أو الملف الذي يحدده PNYX_CONFIG.
    التصويت: اكتب a (A أفضل) أو b (B أفضل) أو t (تعادل) أو x (كلاهما سيئ). حين لا يكون الإدخال طرفية، يكون
    أول سطر غير فارغ من الإدخال هو الصوت، مثلًا:
    echo a | npm run battle -- "مرحبًا"

    رموز الخروج: 0 اكتملت المواجهة وصُوِّت عليها · 1 فشلت المواجهة (لم تُجب النماذج) · 2 خطأ في الاستخدام أو
    الإعداد · 3 لم يُدلَ بأي صوت.
terminal-usage-hint = شغّل npm run battle -- --help لمعرفة طريقة الاستخدام.
terminal-error-arguments = تعذّرت قراءة سطر الأوامر: { $detail }
terminal-error-no-prompt = أعطِ طلبًا يُرسل إلى النموذجين، مثلًا: npm run battle -- "ما هو الثقب الأسود؟"
terminal-error-lang = يجب أن تكون قيمة --lang إحدى: en، fr، de، es، it، pt، nl، ar (القيمة المستلمة «{ $value }»).
terminal-error-models-count = يحتاج --models إلى معرّفين مختلفين على الأقل لنماذج، مفصولين بفواصل (القيمة المستلمة «{ $value }»).
terminal-error-models-unknown = معرّف نموذج غير معروف أو معطّل: { $ids }. النماذج المفعّلة في الإعداد: { $known }.
terminal-config-error = الإعداد غير صالح ({ $source }):
terminal-startup-error = تعذّر تشغيل Pnyx: { $detail }

terminal-streaming = النموذجان A وB يجيبان… A: { $a } حرف · B: { $b } حرف
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = صوتك (a / b / t / x):{ " " }
terminal-vote-invalid = «{ $input }» ليس صوتًا. اكتب a (A أفضل) أو b (B أفضل) أو t (تعادل) أو x (كلاهما سيئ)، ثم اضغط Enter.
terminal-vote-missing = لم يُدلَ بأي صوت: انتهى الإدخال قبل سطر فيه a أو b أو t أو x. تبقى المواجهة بلا صوت.
terminal-interrupted = أُوقفت: توقفت المواجهة ولن تُحتسب.
terminal-no-conclusion = لم تكتمل المواجهة: لم يفتح المحرك التصويت قط. راجع أسطر السجل أعلاه.

terminal-problems = ما الذي تعطّل في النماذج:
terminal-warnings = مشكلات النماذج خلال هذه المواجهة:
terminal-side-failed = • النموذج { $side } كان { $model } (المزوّد «{ $provider }»): { $error }
terminal-unhealthy = • { $model } (المزوّد «{ $provider }») لم يجتز فحص السلامة فاستُبعد: { $error }
terminal-unhealthy-probe-ok = • { $model } (المزوّد «{ $provider }») لم يجتز فحص السلامة (لم يُعِد الخادم قائمة النماذج في الوقت المحدد) فاستُبعد، مع أن طلبًا تجريبيًا نجح.
terminal-probe-timeout = لا رد على طلب تجريبي خلال { $seconds } ث
terminal-replaced = • فشل { $model } قبل أن يكتب أي شيء واستُبدل بنموذج آخر: { $error }
terminal-too-few-models = تحتاج المواجهة إلى نموذجين يعملان؛ { $count ->
    [0] لا يعمل أي نموذج.
    [zero] لا يعمل أي نموذج.
    [one] لا يعمل سوى نموذج واحد.
    [two] يعمل نموذجان فقط.
    [few] لا يعمل سوى { $count } نماذج.
    [many] لا يعمل سوى { $count } نموذجًا.
   *[other] لا يعمل سوى { $count } نموذج.
}
