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
