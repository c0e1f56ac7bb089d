# الولاء (SPEC §4)

reward-error-points = عدد النقاط المطلوبة يجب أن يكون أكبر من صفر
reward-error-valid-for = مدة صلاحية القسيمة بالأيام يجب أن تكون أكبر من صفر
reward-error-percent = نسبة الخصم من 1 إلى 100
redeem-error-inactive = هذه المكافأة موقوفة حالياً
redeem-error-out-of-stock = المنتج الهدية غير متوفر حالياً
redeem-error-balance = الرصيد { $balance } نقطة، والمكافأة تحتاج { $required } نقطة
redeem-error-minimum = أقل عدد نقاط للاستبدال { $minimum }
