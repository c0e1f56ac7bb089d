# Loyalty (SPEC §4)

reward-error-points = The points required must be more than zero
reward-error-valid-for = The voucher's validity in days must be more than zero
reward-error-percent = The discount is a percentage from 1 to 100
redeem-error-inactive = This reward is switched off
redeem-error-out-of-stock = The gift product is out of stock
redeem-error-balance = The balance is { $balance } points; the reward needs { $required }
redeem-error-minimum = At least { $minimum } points can be redeemed
redeem-error-missing = The reward does not exist
voucher-error-missing = The voucher does not exist
voucher-error-not-issued = The voucher cannot be used or cancelled (it is used, expired or cancelled)
loyalty-error-role = Only a manager or the owner can adjust points by hand
loyalty-error-zero = Enter a number of points other than zero
loyalty-error-overdraw = The balance is only { $balance } points; { $required } cannot be taken
loyalty-error-rate = Points per dinar must be more than zero
loyalty-error-multiplier = A multiplier is at least 1
loyalty-error-positive = The values must be more than zero
campaign-error-monthly-days = Choose at least one day of the month
campaign-error-categories = Name at least one category
loyalty-error-point-value = The value per point cannot be negative
campaign-error-dates = The end date is before the start date
loyalty-no-earn = The order “{ $order }” has not earned points (yet)

# The loyalty card in the customer profile
loyalty-title = Loyalty points
loyalty-points = { $points } points
loyalty-next-expiry = { $points } points expire on { $date } ({ $hijri })
loyalty-redeem = Redeem
loyalty-vouchers = Vouchers
loyalty-voucher-status = { $status ->
    [issued] Valid
    [used] Used
    [expired] Expired
   *[cancelled] Cancelled
}
loyalty-voucher-expires = until { $date }
loyalty-voucher-use = Mark used
loyalty-voucher-cancel = Cancel and return the points
loyalty-history = Points history
loyalty-entry = { $type ->
    [earn] Earned on an order
    [referral] Referral bonus
    [adjustment] Manual adjustment
    [redemption_cancel] Cancelled voucher returned
    [redeem] Reward redeemed
    [reversal] Reversed (cancellation or refund)
   *[expire] Expired
}
loyalty-unrecovered = { $points } not recovered
loyalty-breakdown = Breakdown
loyalty-line = { $line ->
    [purchasePoints] Purchase points
    [newCustomerBonus] New customer bonus
    [loyalCustomerBonus] Loyal customer bonus
   *[categoryBonus] Bonus categories
}
loyalty-line-campaign = Campaign bonus ({ $campaign })
loyalty-total = Total
loyalty-hint = The oldest points are used and expire first; a cancelled voucher returns its points with their original expiry.

# The loyalty screen
loyalty-screen-title = Loyalty programme
campaigns-title = Campaign calendar
campaigns-hint = Ramadan and the Eids are proposed from the Umm al-Qura calendar; confirm them or shift them to Libya's announced sighting. A campaign applies by the order's creation time in store time.
campaign-name = Name
campaign-starts = Starts
campaign-ends = Ends
campaign-points = Points
campaign-kind-label = Kind of campaign
campaign-kind = { $kind ->
    [ramadan] Ramadan Kareem
    [eid_al_fitr] Eid al-Fitr
    [eid_al_adha] Eid al-Adha
    [national_day] Libyan national day
    [school_season] School and university season
    [monthly] Monthly loyalty campaign
   *[custom] Custom campaign
}
campaign-scope = { $scope ->
    [order] on the whole order
    [localProducts] on local products
   *[categories] on chosen categories
}
campaign-year = Year
campaign-propose = Propose the dates
campaign-multiplier = Multiplier
campaign-confirm-hint = Check both dates before saving: Libya's sighting may fall a day after the Umm al-Qura calendar.
campaign-save = Save the campaign
rewards-title = Rewards catalogue
rewards-rebate = Effective rebate { $percent }%
reward-valid-for = valid { $days } days
reward-points = Points required
reward-days = Valid for (days)
loyalty-adjust = Adjust points by hand
loyalty-adjust-points = Points (+ or −)
loyalty-adjust-reason = Reason
loyalty-adjust-save = Record the adjustment
reward-new = New reward
reward-type = Type
reward-type-name = { $type ->
    [discount] Percentage off
    [shipping] Free shipping
   *[product] Gift product
}
reward-percent = Discount %
reward-product = Gift product code
loyalty-report-title = Loyalty programme report
loyalty-report-issued = Points issued
loyalty-report-redeemed = Points redeemed
loyalty-report-expired = Points expired
loyalty-report-reversed = { $points } points taken back from cancelled orders
loyalty-report-rate = Redemption rate
loyalty-report-rate-none = No points issued in the period
loyalty-report-liability = Outstanding points
loyalty-report-liability-value = worth { $total } at { $value } a point
loyalty-report-by-month = Points per month
loyalty-report-campaigns = Campaign effectiveness
loyalty-report-campaigns-hint = Orders, revenue and points during each campaign against the same length of time before it
loyalty-report-orders-before = Orders before
loyalty-report-orders-during = Orders during
loyalty-report-campaign = Campaign
loyalty-report-before = Before
loyalty-report-during = During
loyalty-report-orders = Orders
loyalty-report-revenue = Revenue
loyalty-report-points = Points
loyalty-report-no-campaigns = No active campaigns in this period
loyalty-report-top-rewards = Most redeemed rewards
loyalty-report-vouchers = Vouchers
loyalty-report-no-rewards = No rewards redeemed in this period
loyalty-report-chart-label = Chart: { $title }
campaign-scope-label = Points multiplied on
campaign-categories = Categories
campaign-monthly-days = Days of the month
campaign-audience = Who the campaign is for
campaign-audience-hint = Leave a list empty for everyone. The audience also limits who earns the campaign's extra points.
campaign-tags = Tags
campaign-nationalities = Nationality (country code)
campaign-birthday = Only customers with a birthday that month
campaign-edit = Edit
loyalty-tab-report = Report
loyalty-tab-campaigns = Campaigns
loyalty-tab-rewards = Rewards
loyalty-tab-settings = Settings
loyalty-settings-rate = Points per dinar
loyalty-settings-new = New customer ×
loyalty-settings-loyal = Loyal customer ×
loyalty-settings-special = Bonus category ×
loyalty-settings-bonus-categories = Bonus categories
loyalty-settings-school-categories = School season categories
loyalty-settings-expiry = Points expire after (days)
loyalty-settings-minimum = Minimum to redeem (points)
loyalty-settings-referral = Referral bonus (points)
loyalty-settings-earn-status = Points are credited when the order is
loyalty-settings-earn = { $status ->
    [confirmed] confirmed
   *[delivered] delivered
}
loyalty-settings-start = Programme start date
loyalty-settings-point-value = Value of one point (LYD)
loyalty-settings-hint = Changes apply to orders from now on; points already credited stay as they were.
loyalty-settings-saved = The programme's settings are saved
loyalty-note-merge = Moved in a customer merge
loyalty-note-merge-undone = Moved back when the merge was undone
loyalty-earned-on = earned { $date }
