dashboard-title = { $title } · حملة Pnyx
dashboard-list-title = الحملات · Pnyx
dashboard-login-title = دخول المنظّمين
dashboard-login-text = هذه الصفحة مخصّصة لمنظّمي الحملة. أدخل رمز المنظّم.
dashboard-login-label = رمز المنظّم
dashboard-login-submit = تسجيل الدخول
dashboard-login-wrong = هذا الرمز غير صحيح.
dashboard-status = الحالة: { $status }
dashboard-boards = لوحة الترتيب حسب اللغة
dashboard-board-overall = كل اللغات
dashboard-col-rank = #
dashboard-col-model = النموذج
dashboard-col-score = النتيجة
dashboard-col-interval = مجال 95٪
dashboard-col-votes = الأصوات
dashboard-no-board = لا توجد أصوات كافية بعد.
dashboard-chats = المحادثات المشاركة
dashboard-chats-platform = { $platform }: { $count ->
    [zero] لا محادثات
    [one] محادثة واحدة
    [two] محادثتان
    [few] { $count } محادثات
    [many] { $count } محادثةً
   *[other] { $count } محادثة
  }
dashboard-chat-votes = { $votes ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
  }
dashboard-no-chats = لم تنضم أي محادثة بعد.
dashboard-exports = التصدير
dashboard-export-report-json = التقرير (JSON)
dashboard-export-report-md = التقرير (Markdown)
dashboard-export-dataset = مجموعة البيانات المفتوحة (تتوفر مع ميزة التصدير)
dashboard-live = تُحدَّث كل 15 ثانية.
dashboard-no-campaigns = لا توجد حملات بعد: طبّق ملف حملة بالأمر npm run campaign -- apply campaigns/<slug>.yaml.
dashboard-not-found = لا توجد حملة بهذا الاسم.
