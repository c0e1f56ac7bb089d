customers-title = العملاء
customers-count = { $count ->
    [zero] لا يوجد عملاء
    [one] عميل واحد
    [two] عميلان
    [few] { $count } عملاء
    [many] { $count } عميلاً
   *[other] { $count } عميل
}
customers-search-placeholder = ابحث بالاسم أو رقم الهاتف أو البريد الإلكتروني
customers-new = عميل جديد
customers-no-results = لا يوجد عملاء مطابقون للبحث
customers-incomplete = بيانات ناقصة
col-name = الاسم
col-phone = الهاتف
col-email = البريد الإلكتروني
col-city = المدينة
col-segment = مستوى العضوية
col-total-spent = إجمالي الإنفاق
col-ltv = قيمة عمر العميل
segment-new = جديد
segment-bronze = برونزي
segment-silver = فضي
segment-gold = ذهبي
segment-platinum = بلاتيني
segment-vip = كبار العملاء (VIP)
section-personal = البيانات الشخصية
section-contact = بيانات التواصل
section-preferences = تفضيلات التواصل
section-addresses = العناوين
section-history = سجل الطلبات
section-segmentation = التصنيف والقيمة
section-interactions = النشاط على المتجر
section-metadata = بيانات إضافية
section-consent-log = سجل الموافقات
field-first-name = الاسم الأول
field-last-name = اسم العائلة
field-email = البريد الإلكتروني
field-phone = رقم الهاتف
field-operator = شركة الاتصالات
field-secondary-phone = هاتف إضافي
field-whatsapp = رقم واتساب
field-date-of-birth = تاريخ الميلاد
field-gender = الجنس
field-preferred-language = لغة التواصل
field-nationality = الجنسية
field-preferred-contact-method = وسيلة التواصل المفضلة
field-marketing-emails = رسائل تسويقية بالبريد
field-sms-notifications = رسائل نصية
field-order-updates = تحديثات الطلبات
field-promotional-offers = العروض الترويجية
field-whatsapp-messages = رسائل واتساب
field-push-notifications = الإشعارات الفورية
field-email-frequency = تكرار رسائل البريد
field-newsletter-subscription = النشرة البريدية
field-country = الدولة
field-city = المدينة
field-area = المنطقة
field-street = الشارع
field-building = المبنى
field-apartment = الشقة
field-postal-code = الرمز البريدي
field-default-address = العنوان الافتراضي
field-first-order-date = أول طلب
field-last-order-date = آخر طلب
field-total-orders = عدد الطلبات
field-total-spent = إجمالي الإنفاق
field-average-order-value = متوسط قيمة الطلب
field-favorite-categories = الفئات المفضلة
field-preferred-payment = طريقة الدفع المفضلة
field-preferred-shipping = طريقة الشحن المفضلة
field-segment = مستوى العضوية
field-lifetime-value = قيمة عمر العميل
field-churn-risk = خطر فقدان العميل
field-engagement-score = درجة التفاعل
field-satisfaction-score = درجة الرضا
field-last-activity = آخر نشاط
field-total-logins = مرات الدخول
field-total-page-views = مشاهدات الصفحات
field-total-cart-additions = الإضافات إلى السلة
field-total-wishlist-items = عناصر قائمة الأمنيات
field-referral-source = مصدر الإحالة
field-referral-code = رمز الإحالة
field-created-at = تاريخ الإنشاء
field-updated-at = آخر تعديل
field-created-by = أنشأه
field-tags = الوسوم
field-tags-hint = افصل بين الوسوم بفاصلة
field-notes = ملاحظات
field-custom-fields = حقول مخصصة
gender-male = ذكر
gender-female = أنثى
gender-unset = غير محدد
lang-ar = العربية
lang-en = English
contact-email = البريد الإلكتروني
contact-sms = رسالة نصية (SMS)
contact-whatsapp = واتساب
contact-phone = اتصال هاتفي
freq-daily = يومياً
freq-weekly = أسبوعياً
freq-monthly = شهرياً
operator-alMadar = المدار الجديد
operator-libyana = ليبيانا
operator-ltt = ليبيا للاتصالات والتقنية
form-create-title = إضافة عميل جديد
form-edit-title = تعديل بيانات العميل
form-address-title = العنوان الافتراضي
duplicate-title = عميل مشابه موجود
duplicate-body = يوجد عميل بنفس رقم الهاتف أو البريد الإلكتروني. افتحه للتحقق، أو احفظ العميل الجديد إن كان شخصاً آخر.
duplicate-open = فتح العميل الموجود
duplicate-save-anyway = حفظ كعميل جديد
consent-transition = { $old } ← { $new }
audit-created = أُنشئ العميل
audit-updated = عُدّلت بيانات العميل
actor-customer = العميل
actor-sync = المزامنة
field-email-categories = فئات رسائل البريد
field-address = العناوين
filter-segment = مستوى العضوية
filter-city = المدينة
filter-tag = الوسم
filter-clear = مسح عوامل التصفية
import-reason-column = سبب الرفض
import-title = استيراد
import-help = اختر ملف CSV أو Excel ‏(.xlsx) يحتوي على العملاء. يُتعرّف على الأعمدة من عناوينها بالعربية أو الإنجليزية، ويمكنك تعديل ذلك قبل الاستيراد. العملاء الموجودون بنفس رقم الهاتف أو البريد يُحدَّثون ولا يُكرَّرون.
import-file = الملف
import-choose = اختيار ملف…
import-read = قراءة الملف
import-mapping = ربط الأعمدة
import-file-summary = { $rows ->
    [zero] لا توجد صفوف
    [one] صف واحد
    [two] صفان
    [few] { $rows } صفوف
    [many] { $rows } صفاً
   *[other] { $rows } صف
} · الترميز { $encoding }
import-column-none = — لا شيء —
import-saved-mappings = ربط محفوظ
import-mapping-name = اسم الربط
import-save-mapping = حفظ الربط
import-mapping-saved = حُفظ الربط
import-preview = أول الصفوف
import-run = { $rows ->
    [zero] استيراد
    [one] استيراد صف واحد
    [two] استيراد صفين
    [few] استيراد { $rows } صفوف
    [many] استيراد { $rows } صفاً
   *[other] استيراد { $rows } صف
}
import-report = نتيجة الاستيراد
import-inserted = أُضيف
import-updated = حُدِّث
import-merged = دُمج
import-unchanged = دون تغيير
import-rejected = مرفوض
import-line = السطر
import-field = الحقل
import-download-rejected = تنزيل الصفوف المرفوضة
import-rejected-saved = حُفظت الصفوف المرفوضة في { $path }
field-full-name = الاسم الكامل
field-user-id = رقم العميل في المتجر
field-mapping = ربط الأعمدة
export-title = تصدير
export-csv = ملف CSV
export-xlsx = ملف Excel ‏(.xlsx)
export-done = { $count ->
    [zero] لم يُصدَّر أي عميل
    [one] صُدِّر عميل واحد إلى { $path }
    [two] صُدِّر عميلان إلى { $path }
    [few] صُدِّر { $count } عملاء إلى { $path }
    [many] صُدِّر { $count } عميلاً إلى { $path }
   *[other] صُدِّر { $count } عميل إلى { $path }
}
duplicates-title = العملاء المكررون
duplicates-open = المكررون
duplicates-none = لا يوجد عملاء مكررون محتملون
duplicate-reason-samePhone = نفس رقم الهاتف
duplicate-reason-sameEmail = نفس البريد الإلكتروني
duplicate-reason-sameNameAndCity = نفس الاسم والمدينة
duplicate-dismiss = ليسا نفس الشخص
merge-compare = المقارنة والدمج
merge-keep = السجل الذي يبقى:
merge-action = دمج
merge-confirm-title = تأكيد الدمج
merge-confirm-body = سيُدمج «{ $merged }» في «{ $survivor }». تُضم الوسوم والعناوين والملاحظات وكل السجلات المرتبطة، ويمكنك التراجع عن الدمج لاحقاً.
merge-done = دُمج «{ $merged }» في «{ $survivor }»
merge-undo = تراجع
merge-undone = أُلغي الدمج
merge-open-survivor = فتح العميل
merge-history = عمليات الدمج الأخيرة
merge-kept-always = تُضم الوسوم والعناوين والملاحظات من السجلين دائماً، وتبقى الموافقات وسجل التعديلات للسجلين.
merge-field-name = الاسم
merge-field-phone = رقم الهاتف
merge-field-email = البريد الإلكتروني
merge-field-secondaryPhone = هاتف إضافي
merge-field-whatsapp = رقم واتساب
merge-field-dateOfBirth = تاريخ الميلاد
merge-field-gender = الجنس
merge-field-preferredLanguage = لغة التواصل
merge-field-nationality = الجنسية
merge-field-defaultAddress = العنوان الافتراضي
audit-imported = حُدِّث من ملف مستورد
audit-merged = دُمج فيه عميل آخر
audit-mergedInto = دُمج في عميل آخر
audit-mergeUndone = أُلغي الدمج
section-timeline = السجل الزمني
timeline-consent = تغيّرت الموافقة على { $field }: { $change }
views-choose = طريقة عرض محفوظة
views-save = حفظ طريقة العرض
views-delete = حذف طريقة العرض
views-name = اسم طريقة العرض
columns-title = الأعمدة
bulk-title = إجراءات جماعية
bulk-add-tag = إضافة وسم للجميع
bulk-remove-tag = إزالة وسم من الجميع
bulk-applies-to = { $count ->
    [zero] لا يوجد عملاء في النتيجة الحالية
    [one] يُطبَّق على عميل واحد في النتيجة الحالية
    [two] يُطبَّق على عميلين في النتيجة الحالية
    [few] يُطبَّق على { $count } عملاء في النتيجة الحالية
    [many] يُطبَّق على { $count } عميلاً في النتيجة الحالية
   *[other] يُطبَّق على { $count } عميل في النتيجة الحالية
}
bulk-tag-added = { $count ->
    [zero] كل العملاء لديهم الوسم «{ $tag }» من قبل
    [one] أُضيف الوسم «{ $tag }» لعميل واحد
    [two] أُضيف الوسم «{ $tag }» لعميلين
    [few] أُضيف الوسم «{ $tag }» لـ { $count } عملاء
    [many] أُضيف الوسم «{ $tag }» لـ { $count } عميلاً
   *[other] أُضيف الوسم «{ $tag }» لـ { $count } عميل
}
bulk-tag-removed = { $count ->
    [zero] لا يوجد عميل لديه الوسم «{ $tag }»
    [one] أُزيل الوسم «{ $tag }» من عميل واحد
    [two] أُزيل الوسم «{ $tag }» من عميلين
    [few] أُزيل الوسم «{ $tag }» من { $count } عملاء
    [many] أُزيل الوسم «{ $tag }» من { $count } عميلاً
   *[other] أُزيل الوسم «{ $tag }» من { $count } عميل
}
audit-bulkTag = تغيّرت الوسوم بإجراء جماعي
filter-more = { $count ->
    [zero] تصفية إضافية
   *[other] تصفية إضافية ({ $count })
}
filter-spent-min = الإنفاق من (د.ل)
filter-spent-max = الإنفاق إلى (د.ل)
filter-order-after = آخر طلب من تاريخ
filter-order-before = آخر طلب حتى تاريخ
filter-consents = موافق على
bulk-delete = حذف الجميع…
bulk-delete-confirm = { $count ->
    [one] سيُحذف عميل واحد من النتيجة الحالية.
    [two] سيُحذف عميلان من النتيجة الحالية.
    [few] سيُحذف { $count } عملاء من النتيجة الحالية.
    [many] سيُحذف { $count } عميلاً من النتيجة الحالية.
   *[other] سيُحذف { $count } عميل من النتيجة الحالية.
} يمكنك التراجع بعد الحذف مباشرة.
bulk-delete-button = { $count ->
    [one] حذف عميل واحد
    [two] حذف عميلين
    [few] حذف { $count } عملاء
    [many] حذف { $count } عميلاً
   *[other] حذف { $count } عميل
}
bulk-deleted = { $count ->
    [zero] لم يُحذف أي عميل
    [one] حُذف عميل واحد
    [two] حُذف عميلان
    [few] حُذف { $count } عملاء
    [many] حُذف { $count } عميلاً
   *[other] حُذف { $count } عميل
}
bulk-restored = { $count ->
    [zero] لم يُستعد أي عميل
    [one] استُعيد عميل واحد
    [two] استُعيد عميلان
    [few] استُعيد { $count } عملاء
    [many] استُعيد { $count } عميلاً
   *[other] استُعيد { $count } عميل
}
audit-deleted = حُذف العميل
audit-restored = استُعيد العميل بعد حذفه
bulk-title-selected = إجراءات على المحدَّدين ({ $count })
bulk-selected = { $count ->
    [one] عميل واحد محدَّد
    [two] عميلان محدَّدان
    [few] { $count } عملاء محدَّدون
    [many] { $count } عميلاً محدَّداً
   *[other] { $count } عميل محدَّد
}
bulk-applies-to-selection = { $count ->
    [one] يُطبَّق على العميل المحدَّد
    [two] يُطبَّق على العميلين المحدَّدين
    [few] يُطبَّق على { $count } عملاء محدَّدين
    [many] يُطبَّق على { $count } عميلاً محدَّداً
   *[other] يُطبَّق على { $count } عميل محدَّد
}
bulk-select-customer = تحديد العميل
bulk-clear-selection = إلغاء التحديد
bulk-add-tag-title = إضافة وسم
bulk-remove-tag-title = إزالة وسم

## Custom fields (SPEC §1.7)
section-custom-fields = حقول إضافية
custom-fields-title = الحقول الإضافية
custom-fields-hint = حقول يعرّفها المتجر لكل عميل. حذف حقل لا يحذف قيمه المحفوظة، بل تُعرض للقراءة فقط.
custom-fields-empty = لا توجد حقول إضافية بعد.
custom-fields-saved = حُفظت الحقول الإضافية.
custom-field-key = المفتاح
custom-field-label = الاسم بالعربية
custom-field-label-en = الاسم بالإنجليزية
custom-field-kind = النوع
custom-field-allowed = القيم المسموح بها
custom-field-add = إضافة حقل
custom-field-remove = حذف الحقل
custom-field-kind-text = نص
custom-field-kind-number = رقم
custom-field-kind-boolean = نعم / لا
custom-field-kind-date = تاريخ
custom-field-kind-list = قائمة
filter-custom-field = حقل إضافي
filter-custom-value = قيمته

## Churn bands (SPEC §2.4)
filter-churn-band = خطر فقدان العميل
churn-band-low = منخفض
churn-band-medium = متوسط
churn-band-high = مرتفع
