# نصوص لا يقولها إلا محوّل Telegram. رسائل النواة (المساعدة، الخصوصية، المواجهات، الأصوات) موجودة في فهارس
# النواة.

telegram-hint-text-only = لا أستطيع قراءة سوى النصوص حاليًا. اكتب سؤالك في رسالة وسيجيب عنه نموذجان مجهولان.
telegram-hint-unknown-command = لا أعرف { $command }. جرّب ⁦/help⁩، أو اكتب ⁦/arena⁩ متبوعًا بسؤالك.
telegram-hint-empty-mention = اكتب سؤالك بعد اسمي، مثلًا: { $example }
telegram-reasons-prompt = { $name }، ما الذي صنع الفرق؟ (اختياري)
telegram-error = عذرًا، حدث خطأ من جهتي. يُرجى المحاولة مجددًا بعد لحظة.
telegram-button-stale = لم يعد هذا الزر يعمل. ابدأ مواجهة جديدة بالأمر ⁦/arena⁩.
