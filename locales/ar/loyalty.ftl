# الولاء (SPEC §4)

reward-error-points = عدد النقاط المطلوبة يجب أن يكون أكبر من صفر
reward-error-valid-for = مدة صلاحية القسيمة بالأيام يجب أن تكون أكبر من صفر
reward-error-percent = نسبة الخصم من 1 إلى 100
redeem-error-inactive = هذه المكافأة موقوفة حالياً
redeem-error-out-of-stock = المنتج الهدية غير متوفر حالياً
redeem-error-balance = الرصيد { $balance } نقطة، والمكافأة تحتاج { $required } نقطة
redeem-error-minimum = أقل عدد نقاط للاستبدال { $minimum }
redeem-error-missing = المكافأة غير موجودة
voucher-error-missing = القسيمة غير موجودة
voucher-error-not-issued = القسيمة ليست صالحة للاستخدام أو الإلغاء (مستخدمة أو منتهية أو ملغاة)
loyalty-error-role = تعديل النقاط يدوياً للمدير أو صاحب المتجر فقط
loyalty-error-zero = أدخل عدد نقاط غير الصفر
loyalty-error-overdraw = الرصيد { $balance } نقطة فقط، ولا يمكن خصم { $required }
loyalty-error-rate = النقاط لكل دينار يجب أن تكون أكبر من صفر
loyalty-error-multiplier = المضاعف لا يقل عن 1
loyalty-error-positive = القيم يجب أن تكون أكبر من صفر
campaign-error-monthly-days = اختر يومًا واحدًا من الشهر على الأقل
campaign-error-categories = اذكر فئة واحدة على الأقل
loyalty-error-point-value = لا يمكن أن تكون قيمة النقطة سالبة
campaign-error-dates = تاريخ النهاية قبل تاريخ البداية
loyalty-no-earn = لم يكسب الطلب «{ $order }» نقاطاً (بعد)

# بطاقة الولاء في ملف العميل
loyalty-title = نقاط الولاء
# Arabic counts points in six forms: 3–10 take the plural نقاط, the rest the singular.
loyalty-points = { $points ->
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $points } نقاط
   *[other] { $points } نقطة
}
loyalty-next-expiry = تنتهي { $points } نقطة في { $date } ({ $hijri })
loyalty-redeem = استبدال
loyalty-vouchers = القسائم
loyalty-voucher-status = { $status ->
    [issued] صالحة
    [used] مستخدمة
    [expired] منتهية
   *[cancelled] ملغاة
}
loyalty-voucher-expires = حتى { $date }
loyalty-voucher-use = تسجيل الاستخدام
loyalty-voucher-cancel = إلغاء وإرجاع النقاط
loyalty-history = سجل النقاط
loyalty-entry = { $type ->
    [earn] مكتسبة من طلب
    [referral] مكافأة إحالة
    [adjustment] تعديل يدوي
    [redemption_cancel] إرجاع قسيمة ملغاة
    [redeem] استبدال مكافأة
    [reversal] استرجاع (إلغاء أو استرداد)
   *[expire] انتهاء صلاحية
}
loyalty-unrecovered = لم يُسترجع { $points }
loyalty-breakdown = التفاصيل
loyalty-line = { $line ->
    [purchasePoints] نقاط الشراء
    [newCustomerBonus] مكافأة العميل الجديد
    [loyalCustomerBonus] مكافأة العميل المميز
   *[categoryBonus] مكافأة الفئات المختارة
}
loyalty-line-campaign = مكافأة الحملة ({ $campaign })
loyalty-total = المجموع
loyalty-hint = النقاط تنتهي بالأقدم أولاً؛ القسيمة الملغاة تعيد نقاطها بتاريخ انتهائها الأصلي.

# شاشة الولاء
loyalty-screen-title = برنامج الولاء
campaigns-title = تقويم الحملات
campaigns-hint = تقترح مواعيد رمضان والعيدين من تقويم أم القرى؛ أكّدها أو عدّلها حسب إعلان الرؤية في ليبيا. تطبق الحملة حسب وقت إنشاء الطلب بتوقيت المتجر.
campaign-name = الاسم
campaign-starts = البداية
campaign-ends = النهاية
campaign-points = النقاط
campaign-kind-label = نوع الحملة
campaign-kind = { $kind ->
    [ramadan] رمضان كريم
    [eid_al_fitr] عيد الفطر
    [eid_al_adha] عيد الأضحى
    [national_day] العيد الوطني الليبي
    [school_season] موسم المدارس والجامعات
    [monthly] حملة الولاء الشهرية
   *[custom] حملة خاصة
}
campaign-scope = { $scope ->
    [order] على الطلب كله
    [localProducts] على المنتجات المحلية
   *[categories] على فئات مختارة
}
campaign-year = السنة
campaign-propose = اقتراح المواعيد
campaign-multiplier = المضاعف
campaign-confirm-hint = راجع التاريخين قبل الحفظ: قد تتأخر الرؤية في ليبيا يوماً عن تقويم أم القرى.
campaign-save = حفظ الحملة
rewards-title = كتالوج المكافآت
rewards-rebate = الخصم الفعلي للبرنامج { $percent }٪
reward-valid-for = صالحة { $days } يوماً
reward-points = النقاط المطلوبة
reward-days = الصلاحية بالأيام
loyalty-adjust = تعديل النقاط يدوياً
loyalty-adjust-points = النقاط (+ أو −)
loyalty-adjust-reason = السبب
loyalty-adjust-save = تسجيل التعديل
reward-new = مكافأة جديدة
reward-type = النوع
reward-type-name = { $type ->
    [discount] خصم بنسبة
    [shipping] شحن مجاني
   *[product] منتج هدية
}
reward-percent = نسبة الخصم ٪
reward-product = رمز المنتج الهدية
loyalty-report-title = تقرير برنامج الولاء
loyalty-report-issued = نقاط ممنوحة
loyalty-report-redeemed = نقاط مستبدلة
loyalty-report-expired = نقاط منتهية
loyalty-report-reversed = استُردّ من طلبات ملغاة: { $points ->
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $points } نقاط
   *[other] { $points } نقطة
}
loyalty-report-rate = نسبة الاستبدال
loyalty-report-rate-none = لا نقاط ممنوحة في الفترة
loyalty-report-liability = الرصيد القائم
loyalty-report-liability-value = قيمتها { $total } بسعر { $value } للنقطة
loyalty-report-by-month = النقاط شهريًا
loyalty-report-campaigns = فعالية الحملات
loyalty-report-campaigns-hint = الطلبات والإيرادات والنقاط خلال الحملة مقارنة بالمدة نفسها قبلها
loyalty-report-orders-before = طلبات قبل الحملة
loyalty-report-orders-during = طلبات خلال الحملة
loyalty-report-campaign = الحملة
loyalty-report-before = قبلها
loyalty-report-during = خلالها
loyalty-report-orders = الطلبات
loyalty-report-revenue = الإيرادات
loyalty-report-points = النقاط
loyalty-report-no-campaigns = لا حملات نشطة في هذه الفترة
loyalty-report-top-rewards = المكافآت الأكثر استبدالًا
loyalty-report-vouchers = قسائم
loyalty-report-no-rewards = لم تُستبدل مكافآت في هذه الفترة
loyalty-report-chart-label = مخطط: { $title }
campaign-scope-label = تُضاعف النقاط على
campaign-categories = الفئات
campaign-monthly-days = أيام الشهر
campaign-audience = الفئة المستهدفة
campaign-audience-hint = اترك القائمة فارغة لتشمل الجميع. الفئة المستهدفة تحدّ أيضًا من يكسب نقاط الحملة الإضافية.
campaign-tags = الوسوم
campaign-nationalities = الجنسية (رمز الدولة)
campaign-birthday = فقط من يوافق عيد ميلاده ذلك الشهر
campaign-edit = تعديل
loyalty-tab-report = التقرير
loyalty-tab-campaigns = الحملات
loyalty-tab-rewards = المكافآت
loyalty-tab-settings = الإعدادات
loyalty-settings-rate = نقاط لكل دينار
loyalty-settings-new = مضاعف العميل الجديد
loyalty-settings-loyal = مضاعف العميل الوفي
loyalty-settings-special = مضاعف الفئات المميزة
loyalty-settings-bonus-categories = الفئات المميزة
loyalty-settings-school-categories = فئات الموسم الدراسي
loyalty-settings-expiry = تنتهي النقاط بعد (أيام)
loyalty-settings-minimum = الحد الأدنى للاستبدال (نقاط)
loyalty-settings-referral = مكافأة الإحالة (نقاط)
loyalty-settings-earn-status = تُضاف النقاط عندما يكون الطلب
loyalty-settings-earn = { $status ->
    [confirmed] مؤكدًا
   *[delivered] مُسلَّمًا
}
loyalty-settings-start = تاريخ بدء البرنامج
loyalty-settings-point-value = قيمة النقطة الواحدة (د.ل)
loyalty-settings-hint = تسري التغييرات على الطلبات من الآن؛ النقاط المضافة سابقًا تبقى كما هي.
loyalty-settings-saved = حُفظت إعدادات البرنامج
loyalty-note-merge = نُقلت عند دمج العميلين
loyalty-note-merge-undone = أُعيدت عند التراجع عن الدمج
loyalty-earned-on = اكتُسبت في { $date }
