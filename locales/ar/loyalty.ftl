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
campaign-error-dates = تاريخ النهاية قبل تاريخ البداية
loyalty-no-earn = لم يكسب الطلب «{ $order }» نقاطاً (بعد)

# بطاقة الولاء في ملف العميل
loyalty-title = نقاط الولاء
loyalty-points = { $points } نقطة
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
