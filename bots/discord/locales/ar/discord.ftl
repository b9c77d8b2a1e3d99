# نصوص لا يقولها إلا محوّل Discord (عن Discord نفسه). رسائل النواة (المساعدة، الخصوصية، المواجهات، الأصوات)
# موجودة في فهارس النواة.

discord-missing-permissions = لا أستطيع بدء مواجهة في هذه القناة: أحتاج هنا إلى صلاحية { $permissions }. يمكن لمشرف الخادم منحها من إعدادات القناة ← الصلاحيات ← { $bot }.
discord-thread-permissions = لم أستطع فتح سلسلة لهذه المواجهة (أحتاج هنا إلى { $permissions })، لذا تستمر في القناة. يمكن لمشرف الخادم منحها من إعدادات القناة ← الصلاحيات ← { $bot }، أو اختيار «في القناة» في ⁦/settings⁩.
discord-error = عذرًا، حدث خطأ من جهتي. يُرجى المحاولة مجددًا بعد لحظة.
discord-hint-text-only = لا أستطيع قراءة سوى النصوص حاليًا. اكتب سؤالك في رسالة وسيجيب عنه نموذجان مجهولان.
discord-unknown-command = لم أعد أعرف هذا الأمر. جرّب ⁦/help⁩، أو ⁦/arena⁩ متبوعًا بسؤالك.
discord-form-retry = استغرق فتح النموذج وقتًا طويلًا. يُرجى الضغط على الزر مرة أخرى.

# أسماء الصلاحيات كما تعرضها إعدادات Discord.
discord-permission-ViewChannel = عرض القناة
discord-permission-SendMessages = إرسال الرسائل
discord-permission-CreatePublicThreads = إنشاء سلاسل عامة
discord-permission-SendMessagesInThreads = إرسال الرسائل في السلاسل
discord-permission-ReadMessageHistory = قراءة سجل الرسائل
discord-permission-AttachFiles = إرفاق الملفات
discord-file-caption = 📎 بياناتك بصيغة JSON (لا يرى هذه الرسالة أحد سواك).
