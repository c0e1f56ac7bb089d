## Orders, derived values and follow-up tasks (SPEC §2–§3)

section-value = القيمة والنشاط
field-churn-band = خطر فقدان العميل
field-rfm = تقييم RFM
rfm-none = لا يوجد بعد (يُحسب بعد أول طلب)
rfm-champions = الأبطال
rfm-loyal = الأوفياء
rfm-newCustomers = عملاء جدد
rfm-potentialLoyalists = أوفياء محتملون
rfm-needsAttention = بحاجة إلى اهتمام
rfm-cannotLose = لا يمكن خسارتهم
rfm-atRisk = في خطر
rfm-aboutToSleep = على وشك الخمول
rfm-hibernating = خاملون
section-segment-history = تاريخ مستوى العضوية
segment-history-empty = لم يتغير مستوى العضوية بعد.
segment-reason-order = طلب
segment-reason-settings = تغيير الإعدادات
segment-reason-import = استيراد
segment-reason-daily = التحديث اليومي
segment-reason-merge = دمج
section-tasks = مهام المتابعة
task-welcomeCall = مكالمة ترحيب
task-accountManagerFollowUp = متابعة من مدير الحساب
task-assignAccountManager = تعيين مدير حساب
task-due = الاستحقاق: { $date }
task-status-open = مفتوحة
task-status-done = منجزة
task-status-cancelled = ملغاة
task-done = تم
task-cancel = إلغاء المهمة
section-orders = { $count ->
    [zero] الطلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
   *[other] { $count } طلباً
}
orders-none = لا توجد طلبات لهذا العميل.
order-number = رقم الطلب
order-date = التاريخ
order-status = الحالة
order-payment = الدفع
order-net = الصافي
order-refunded = مسترد { $amount }
order-local = منتج محلي
order-status-pending = قيد الانتظار
order-status-confirmed = مؤكد
order-status-shipped = تم الشحن
order-status-delivered = تم التوصيل
order-status-cancelled = ملغي
order-status-refunded = مسترجع
payment-cash_on_delivery = الدفع عند الاستلام
payment-sadad = سداد
payment-mobicash = موبي كاش
payment-card = بطاقة مصرفية
payment-bank_transfer = تحويل مصرفي
timeline-order = طلب { $number }: { $status } ({ $net })
timeline-segment = تغيّر المستوى من { $previous } إلى { $segment }
timeline-task = مهمة: { $task }

## My tasks
nav-tasks = مهامي
tasks-title = مهامي
tasks-empty = لا توجد مهام مفتوحة. أحسنت!
tasks-overdue = متأخرة
tasks-task = المهمة
tasks-due = الاستحقاق
tasks-customer = العميل
tasks-for-managers = للمديرين

## Order import
import-orders-title = استيراد الطلبات
import-orders-hint = ملف من منصة المتجر، صف لكل بند: رقم الطلب، العميل (هاتف أو بريد أو معرف)، التاريخ، الحالة، الإجمالي، ثم بيانات المنتج.
import-orders-mode = ما هذه الطلبات؟
import-orders-historical = طلبات سابقة (نقل بيانات): تُحتسب في السجل والمستويات ولا تُرسل أي رسائل
import-orders-live = طلبات جديدة اليوم: تُنشئ مهام المتابعة وإشعارات الترقية كما لو وصلت بالمزامنة
import-orders-run = استيراد الطلبات
import-orders-report = أُضيف { $inserted } · حُدّث { $updated } · دون تغيير { $unchanged } · عملاء جدد { $created } · تغيّر مستوى { $tiers } · مرفوض { $rejected }

## Segments overview
segments-title = نظرة على مستويات العضوية
segments-customers = العملاء
segments-share = النسبة
segments-movement = التنقل بين المستويات
segments-days = آخر { $days } يوماً
segments-upgrades = { $count ->
    [zero] لا ترقيات
    [one] ترقية واحدة
    [two] ترقيتان
    [few] { $count } ترقيات
   *[other] { $count } ترقية
}
segments-downgrades = { $count ->
    [zero] لا تراجعات
    [one] تراجع واحد
    [two] تراجعان
    [few] { $count } تراجعات
   *[other] { $count } تراجعاً
}
segments-no-movement = لم ينتقل أي عميل بين المستويات في هذه الفترة.
segments-up = ترقية
segments-down = تراجع

## Settings
nav-settings = الإعدادات
settings-title = الإعدادات
settings-tiers = مستويات العضوية
settings-tiers-hint = يُقيَّم المستوى من الأعلى إلى الأدنى، ويجب تحقق الشرطين معاً. قيمة العميل = إجمالي الإنفاق × هامش الربح. الحفظ يعيد حساب جميع العملاء.
settings-margin = متوسط هامش الربح
settings-min-ltv = قيمة العميل من (د.ل)
settings-min-orders = عدد الطلبات من
settings-equivalent = ما يعادله من إجمالي الإنفاق
settings-churn-bands = نطاقات خطر الفقدان
settings-medium-from = متوسط من
settings-high-from = مرتفع من
settings-save-recompute = حفظ وإعادة الحساب
settings-recomputed = أُعيد حساب { $customers } عميل، وتغيّر مستوى { $changed }.
settings-task-rules = قواعد مهام المتابعة
settings-rule-welcomeCall = مكالمة ترحيب بعد أول طلب لمن يفضّل الهاتف
settings-rule-accountManagerFollowUp = متابعة مدير الحساب لكل طلب من عملاء البلاتيني وVIP
settings-rule-assignAccountManager = تعيين مدير حساب لمن يصل إلى البلاتيني أو VIP دون مدير

## Orders entered by hand (standalone mode)
order-add-title = إضافة طلب
order-add-line = إضافة بند
order-line-product = المنتج
order-line-category = الفئة
order-line-quantity = الكمية
order-line-price = سعر الوحدة (د.ل)
order-shipping-fee = رسوم الشحن (د.ل)
order-change-status = تغيير الحالة
