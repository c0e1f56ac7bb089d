# Shared by the dashboard reports (SPEC §8.5).
report-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
# On a chart's axis, where twelve months share the width.
report-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
report-from = From month
report-to = To month
report-segment = Segment
report-city = City
report-all = All
report-refresh = Refresh the report
report-error-period = The last month must not come before the first
report-error-period-long = A report covers at most { $months } months
