# الحملات: الانضمام والتقدّم والمراحل والمواضيع ووجهات النظر والتقرير الختامي (core/engine/campaigns.ts).

command-campaign = عرض تقدّم حملة هذه المحادثة

campaign-join-usage = للانضمام إلى حملة، اكتب { $command } join CODE مع الرمز الذي أعطاك إياه المنظّمون.
campaign-joined = تشارك هذه المحادثة الآن في «{ $title }». تُحتسب المواجهات هنا ضمن أهدافها؛ ويعرض { $command } مدى تقدّمها.
campaign-already = تشارك هذه المحادثة بالفعل في «{ $title }».
campaign-busy = تشارك هذه المحادثة بالفعل في الحملة «{ $other }». غادرها أولًا (من { $command }).
campaign-unknown-code = لا توجد حملة بالرمز «{ $code }». تحقّق منه مع المنظّمين.
campaign-closed = انتهت تلك الحملة: لم تعد تقبل محادثات جديدة.
campaign-left = غادرت هذه المحادثة «{ $title }». لم تعد مواجهاتها تُحتسب للحملة.
campaign-none = لا تشارك هذه المحادثة في أي حملة. يمكن للمشرف الانضمام إلى حملة بالأمر { $command } join CODE.
campaign-admins-only = لا يمكن الانضمام إلى حملة أو مغادرتها إلا لمشرفي المحادثة.

settings-campaign = الحملة: { $title ->
    [none] لا شيء
   *[other] { $title }
  }
settings-btn-campaign-join = الانضمام إلى حملة
settings-btn-campaign-leave = مغادرة الحملة
settings-mode = نمط المواجهات: { $mode }
settings-btn-mode = { $mode ->
    [random] أزواج عشوائية
    [big-vs-small] كبير ضد صغير
    [frugal] نماذج مقتصدة
   *[custom] نموذجاي المختاران
  }
campaign-join-form-title = الانضمام إلى حملة
campaign-join-form-label = رمز الحملة

campaign-progress-title = 📊 { $title }
campaign-progress-status = { $status ->
    [paused] ⏸ متوقفة مؤقتًا: لا تُحتسب لها المواجهات هنا.
   *[closed] 🏁 انتهت هذه الحملة.
  }
campaign-progress-total = { $votes } من { $goal } صوت ({ $percent } %)
campaign-progress-total-nogoal = { $votes ->
    [zero] لا أصوات حتى الآن
    [one] صوت واحد حتى الآن
    [two] صوتان حتى الآن
    [few] { $votes } أصوات حتى الآن
    [many] { $votes } صوتًا حتى الآن
   *[other] { $votes } صوت حتى الآن
  }
campaign-progress-language = { $language }: { $votes } من { $goal } ({ $percent } %)
campaign-progress-language-nogoal = { $language }: { $votes ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
  }
campaign-progress-days = { $days ->
    [zero] اليوم الأخير!
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $days } أيام
    [many] بقي { $days } يومًا
   *[other] بقي { $days } يوم
  }
campaign-progress-ended = انتهت الحملة.
campaign-progress-top = المحادثات الأكثر نشاطًا
campaign-progress-chat = { $rank }. { $chat } — { $votes ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
  }
campaign-gauge-alt = تقدّم { $title }: { $votes } من { $goal } صوت
campaign-milestone = { $percent ->
    [100] 🎉 بلغت «{ $title }» هدفها: { $votes } صوت! شكرًا لكم جميعًا.
   *[other] 🎯 وصلت «{ $title }» إلى { $percent } % من هدفها ({ $votes } صوت). واصلوا!
  }

campaign-suggestions = لا تعرف ماذا تسأل؟ اختر موضوعًا من «{ $title }»، أو اكتب سؤالك الخاص بعد { $command }.
campaign-topic-of-day = 💡 سؤال اليوم لـ«{ $title }»:

    { $prompt }
campaign-topic-battle = ⚔️ ابدأ مواجهة بهذا
campaign-topic-unknown = لم يعد هذا الموضوع متاحًا.

stance-board-title = أي وجهة نظر يفضّلها الناس؟ — { $title }
stance-board-row = { $rank }. { $stance } — فازت في { $wins } من { $battles }
stance-board-empty = لا أصوات على وجهات النظر بعد.

campaign-report-title = التقرير الختامي — { $title }
campaign-report-posted = 🏁 انتهت «{ $title }»: { $votes ->
    [zero] لا أصوات
    [one] صوت واحد
    [two] صوتان
    [few] { $votes } أصوات
    [many] { $votes } صوتًا
   *[other] { $votes } صوت
  } في { $battles ->
    [zero] لا مواجهات
    [one] مواجهة واحدة
    [two] مواجهتين
    [few] { $battles } مواجهات
    [many] { $battles } مواجهةً
   *[other] { $battles } مواجهة
  } من { $chats ->
    [zero] لا محادثات
    [one] محادثة واحدة
    [two] محادثتين
    [few] { $chats } محادثات
    [many] { $chats } محادثةً
   *[other] { $chats } محادثة
  }. شكرًا لكم! إليكم لوحة الترتيب النهائية.
campaign-report-language = لوحة الترتيب باللغة { $language }
campaign-report-no-votes = لا توجد أصوات كافية بهذه اللغة لإنشاء لوحة ترتيب.
campaign-report-participation = المشاركة
campaign-report-comparison = ترتيب كل مجتمع مقارنةً بترتيب الحملة
