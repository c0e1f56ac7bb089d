# مكتب الدعم (SPEC §7)

ticket-status = { $status ->
    [open] مفتوحة
    [in_progress] قيد المعالجة
    [waiting_response] بانتظار رد العميل
    [resolved] محلولة
   *[closed] مغلقة
}
ticket-priority = { $priority ->
    [low] منخفضة
    [medium] متوسطة
    [high] عالية
   *[urgent] عاجلة
}
ticket-category = { $category ->
    [order] الطلبات
    [payment] الدفع
    [shipping] الشحن والتوصيل
    [product] المنتجات
    [technical] مشكلة تقنية
   *[other] أخرى
}
ticket-channel = { $channel ->
    [email] البريد الإلكتروني
    [sms] رسالة نصية
    [whatsapp] واتساب
    [phone] الهاتف
   *[platform] المتجر
}
ticket-intent = { $intent ->
    [order_status] حالة الطلب
    [payment_issue] مشكلة في الدفع
    [shipping_problem] مشكلة في الشحن
    [product_inquiry] استفسار عن منتج
    [complaint] شكوى
   *[general_inquiry] استفسار عام
}

ticket-error-transition = لا يمكن نقل التذكرة من «{ $from ->
        [open] مفتوحة
        [in_progress] قيد المعالجة
        [waiting_response] بانتظار رد العميل
        [resolved] محلولة
       *[closed] مغلقة
    }» إلى «{ $to ->
        [open] مفتوحة
        [in_progress] قيد المعالجة
        [waiting_response] بانتظار رد العميل
        [resolved] محلولة
       *[closed] مغلقة
    }»
ticket-error-closed = التذكرة مغلقة؛ رسالة جديدة من العميل تفتح تذكرة جديدة مرتبطة بها
ticket-error-unassign = لا يمكن إلغاء الإسناد والتذكرة «{ $status ->
        [open] مفتوحة
        [in_progress] قيد المعالجة
        [waiting_response] بانتظار رد العميل
        [resolved] محلولة
       *[closed] مغلقة
    }»
ticket-error-order = لا يوجد لهذا العميل طلب بالرقم «{ $ref }»
ticket-error-placeholder = في الرد حقل لم يُملأ: { $placeholder }
ticket-error-unknown-agent = لا يوجد موظف بهذا المعرّف
ticket-error-no-agent-available = لا يوجد موظف متاح للإسناد بالتناوب
ticket-error-rating = التقييم رقم من 1 إلى 5
ticket-error-rating-unresolved = يُسجَّل التقييم بعد حل التذكرة
ticket-error-merge-self = لا يمكن دمج التذكرة مع نفسها
ticket-error-merge-customer = يمكن دمج تذاكر العميل نفسه فقط
ticket-auto-resolved = لم يصلنا ردك منذ { $days } أيام، لذلك اعتبرنا طلبك محلولاً. إذا احتجت أي مساعدة أخرى راسلنا وسنعيد فتحه.

sla-error-working-days = اختر يوم عمل واحداً على الأقل
sla-error-hours = يجب أن يكون وقت الإغلاق بعد وقت الفتح
sla-error-target = المدة المستهدفة يجب أن تكون أكبر من صفر

attachment-error-size = حجم الملف أكبر من { $max } ميغابايت
attachment-error-type = نوع الملف غير مسموح؛ المسموح الصور وملفات PDF
attachment-error-missing = المرفق غير موجود
canned-error-placeholder = حقل غير معروف في النص: { $placeholder }
canned-error-missing = الرد الجاهز غير موجود

# The inbox screen
nav-tickets-unread = غير مقروءة
inbox-title = صندوق التذاكر
inbox-new-ticket = تذكرة جديدة
inbox-queue-mine = تذاكري
inbox-queue-unassigned = غير مسندة
inbox-queue-open = كل المفتوحة
inbox-queue-waiting = بانتظار العميل
inbox-queue-overdue = متأخرة
inbox-queue-all = الكل
inbox-priority = الأولوية
inbox-category = الفئة
inbox-channel = القناة
inbox-status = الحالة
inbox-assignee = المسؤول
inbox-default = تلقائي
inbox-views = العروض المحفوظة
inbox-view-name = اسم العرض
inbox-view-save = حفظ العرض الحالي
inbox-view-delete = حذف العرض
inbox-search = ابحث برقم التذكرة أو اسم العميل أو هاتفه
inbox-showing = { $shown } من { $total }
inbox-empty = لا توجد تذاكر في هذه القائمة
inbox-unread = غير مقروءة
inbox-overdue = متأخرة
inbox-unassigned = غير مسندة
inbox-round-robin = بالتناوب على المتاحين
inbox-assign-to-me = أسندها لي
inbox-pick = اختر تذكرة من القائمة
inbox-shortcuts = اختصارات لوحة المفاتيح
inbox-shortcuts-hint = اضغط ? لعرض اختصارات لوحة المفاتيح
inbox-key-next = التذكرة التالية
inbox-key-previous = التذكرة السابقة
inbox-key-reply = كتابة رد
inbox-key-assign = إسناد التذكرة لي
inbox-key-status = تغيير الحالة
inbox-key-new = تذكرة جديدة
inbox-key-send = إرسال الرد
inbox-escalated = مصعّدة
inbox-reopened = أعيد فتحها { $count ->
    [one] مرة
    [two] مرتين
    [few] { $count } مرات
   *[other] { $count } مرة
}
inbox-merged-into = دُمجت في تذكرة أخرى — افتحها
inbox-follows-up = متابعة للتذكرة { $number }
inbox-description = وصف المشكلة
inbox-attachments = المرفقات
inbox-suggested-reply = رد مقترح
inbox-use-suggestion = استخدم الرد
inbox-kind-reply = رد للعميل
inbox-kind-note = ملاحظة داخلية
inbox-kind-customer = كلام العميل
inbox-canned = ردود جاهزة
inbox-attach = إرفاق ملف
inbox-reply-placeholder = اكتب ردك للعميل…
inbox-note-placeholder = ملاحظة للفريق فقط، لا تُرسل للعميل…
inbox-customer-placeholder = اكتب ما قاله العميل بالهاتف أو في المحل…
inbox-fill-placeholders = املأ قبل الإرسال: { $names }
inbox-merge = دمج تذكرة أخرى هنا
inbox-escalate = تصعيد
inbox-send = إرسال
inbox-send-hint = Ctrl + Enter للإرسال
inbox-add-note = إضافة الملاحظة
inbox-log-customer = تسجيل كلام العميل
inbox-rating = تقييم العميل:
inbox-rate = { $rating } من 5
inbox-merge-title = دمج تذكرتين
inbox-merge-body = تنتقل رسائل التذكرة الأخرى ومرفقاتها إلى هذه التذكرة مرتبة بالوقت، وتُغلق الأخرى مع رابط لهذه. يجب أن تكون للعميل نفسه.
inbox-merge-other = رقم التذكرة الأخرى
inbox-merge-confirm = دمج
inbox-attachment-no-preview = لا يمكن عرض هذا الملف هنا.
inbox-from-customer = العميل
inbox-from-agent = الموظف
inbox-from-system = رد تلقائي
inbox-new-customer = العميل (اسم أو هاتف أو بريد)
inbox-new-subject = الموضوع
inbox-new-description = وصف المشكلة
inbox-new-order = رقم الطلب (اختياري)
inbox-new-save = فتح التذكرة
panel-orders = { $count ->
    [zero] بدون طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
   *[other] { $count } طلب
}
panel-satisfaction = رضا العميل
panel-loyalty = رصيد النقاط
panel-recent-orders = آخر الطلبات
panel-open-tickets = تذاكر أخرى مفتوحة
sla-first-response = أول رد
sla-resolution = الحل
sla-met = تم خلال { $minutes } دقيقة عمل
sla-paused = متوقف مؤقتاً
sla-breached = تجاوز المهلة
sla-due = مستحق { $at }
tickets-new-title = تذاكر جديدة
tickets-new-body = وصلت تذاكر جديدة إلى صندوق الدعم؛ غير المسندة الآن: { $unassigned }
support-error-days = عدد الأيام من 1 إلى { $max }
support-error-attachment-size = الحد الأقصى للمرفق من 1 إلى { $max } ميغابايت

# The desk's settings
desk-settings = مكتب الدعم
desk-hours = أيام وساعات العمل (تُحسب فيها مهلة الرد والحل)
weekday = { $day ->
    [0] الاثنين
    [1] الثلاثاء
    [2] الأربعاء
    [3] الخميس
    [4] الجمعة
    [5] السبت
   *[6] الأحد
}
desk-opens = يفتح
desk-closes = يغلق
desk-holidays = العطلات
desk-remove = إزالة
desk-holiday-date = التاريخ
desk-holiday-name = اسم العطلة
desk-add = إضافة
desk-proposed = العطلات المقترحة لسنة { $year }
desk-proposed-hint = تُحسب المناسبات الهجرية بتقويم أم القرى؛ أكّد التاريخ أو أزِحه يوماً حسب إعلان الرؤية في ليبيا.
desk-added = مضافة
desk-confirm = تأكيد
desk-shift = يوم بعده
desk-shift-hint = إضافتها في اليوم التالي إذا ثبتت الرؤية متأخرة يوماً
holiday = { $kind ->
    [revolution_day] ذكرى ثورة 17 فبراير
    [labour_day] عيد العمال
    [martyrs_day] يوم الشهيد
    [liberation_day] يوم التحرير
    [independence_day] عيد الاستقلال
    [islamic_new_year] رأس السنة الهجرية
    [mawlid] المولد النبوي
    [eid_al_fitr] عيد الفطر (اليوم { $day })
    [arafat_day] يوم عرفة
   *[eid_al_adha] عيد الأضحى (اليوم { $day })
}
hijri-date = { $day } { $month ->
    [1] محرم
    [2] صفر
    [3] ربيع الأول
    [4] ربيع الآخر
    [5] جمادى الأولى
    [6] جمادى الآخرة
    [7] رجب
    [8] شعبان
    [9] رمضان
    [10] شوال
    [11] ذو القعدة
   *[12] ذو الحجة
} { $year } هـ
desk-sla-targets = مهلة الرد والحل حسب الأولوية (ساعات عمل)
desk-first-response-minutes = أول رد (دقائق)
desk-resolution-hours = الحل (ساعات)
desk-save-sla = حفظ التقويم والمهل
desk-sla-saved = حُفظ التقويم والمهل وأعيد حساب مواعيد التذاكر المفتوحة
desk-automation = الإجراءات التلقائية
desk-auto-resolve = حل تلقائي بعد أيام انتظار العميل
desk-auto-close = إغلاق تلقائي بعد أيام من الحل
desk-auto-reply = إرسال الرد المقترح تلقائياً
desk-save = حفظ
desk-saved = حُفظت الإعدادات
desk-agents = الموظفون المتاحون للإسناد بالتناوب
desk-canned = الردود الجاهزة
desk-inactive = موقوف
desk-edit = تعديل
desk-add-canned = رد جاهز جديد
desk-canned-title = العنوان
desk-canned-ar = النص بالعربية
desk-canned-en = النص بالإنجليزية
desk-canned-placeholders = الحقول المتاحة: {"{{"}firstName{"}}"}، {"{{"}lastName{"}}"}، {"{{"}orderNumber{"}}"}، {"{{"}ticketNumber{"}}"}، {"{{"}agentName{"}}"}
desk-active = مفعّل
desk-intents = الكلمات المفتاحية لكشف نية العميل
desk-intents-hint = تُقارن بعد توحيد الحروف (بدون تشكيل أو تطويل، والهمزات والتاء المربوطة موحدة)، وبالترتيب: أول نية تطابق تفوز.
desk-save-intents = حفظ الكلمات المفتاحية
inbox-subcategory = الفئة الفرعية (اختياري)
inbox-subcategory-hint = اختر الفئة لترى فئاتها الفرعية، أو اكتب ما تشاء
