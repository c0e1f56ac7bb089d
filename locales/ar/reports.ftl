# Shared by the dashboard reports (SPEC §8.5).
report-month = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
} { $year }
# على محور المخطط؛ أسماء الأشهر العربية لا تُختصر.
report-month-short = { report-month }
report-from = من شهر
report-to = إلى شهر
report-segment = الشريحة
report-city = المدينة
report-all = الكل
report-refresh = تحديث التقرير
report-error-period = يجب أن يأتي الشهر الأخير بعد الشهر الأول أو يساويه
report-error-period-long = التقرير يغطي { $months } شهرًا على الأكثر
