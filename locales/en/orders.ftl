## Orders, derived values and follow-up tasks (SPEC §2–§3)

section-value = Value and activity
field-churn-band = Churn risk
field-rfm = RFM score
rfm-none = Not yet (scored after the first order)
rfm-champions = Champions
rfm-loyal = Loyal
rfm-newCustomers = New customers
rfm-potentialLoyalists = Potential loyalists
rfm-needsAttention = Needs attention
rfm-cannotLose = Cannot lose them
rfm-atRisk = At risk
rfm-aboutToSleep = About to sleep
rfm-hibernating = Hibernating
section-segment-history = Tier history
segment-history-empty = The tier has not changed yet.
segment-reason-order = Order
segment-reason-settings = Settings change
segment-reason-import = Import
segment-reason-daily = Daily update
segment-reason-merge = Merge
section-tasks = Follow-up tasks
task-welcomeCall = Welcome call
task-accountManagerFollowUp = Account manager follow-up
task-assignAccountManager = Assign an account manager
task-due = Due { $date }
task-status-open = Open
task-status-done = Done
task-status-cancelled = Cancelled
task-done = Done
task-cancel = Cancel task
section-orders = { $count ->
    [zero] Orders
    [one] 1 order
   *[other] { $count } orders
}
orders-none = This customer has no orders.
order-number = Order
order-date = Date
order-status = Status
order-payment = Payment
order-net = Net
order-refunded = { $amount } refunded
order-local = Made in Libya
order-status-pending = Pending
order-status-confirmed = Confirmed
order-status-shipped = Shipped
order-status-delivered = Delivered
order-status-cancelled = Cancelled
order-status-refunded = Refunded
payment-cash_on_delivery = Cash on delivery
payment-sadad = Sadad
payment-mobicash = MobiCash
payment-card = Bank card
payment-bank_transfer = Bank transfer
timeline-order = Order { $number }: { $status } ({ $net })
timeline-segment = Tier changed from { $previous } to { $segment }
timeline-task = Task: { $task }

## My tasks
nav-tasks = My tasks
tasks-title = My tasks
tasks-empty = No open tasks. Well done!
tasks-overdue = Overdue
tasks-task = Task
tasks-due = Due
tasks-customer = Customer
tasks-for-managers = For managers

## Order import
import-orders-title = Import orders
import-orders-hint = A file from the store platform, one row per line item: order id, customer (phone, e-mail or id), date, status, total, then the product.
import-orders-mode = What are these orders?
import-orders-historical = Past orders (a data migration): they count for history and tiers and send nothing
import-orders-live = Today's new orders: they create follow-up tasks and upgrade notices as if they came by sync
import-orders-run = Import orders
import-orders-report = { $inserted } added · { $updated } updated · { $unchanged } unchanged · { $created } new customers · { $tiers } tier changes · { $rejected } rejected

## Segments overview
segments-title = Tiers overview
segments-customers = Customers
segments-share = Share
segments-movement = Movement between tiers
segments-days = Last { $days } days
segments-upgrades = { $count ->
    [one] 1 upgrade
   *[other] { $count } upgrades
}
segments-downgrades = { $count ->
    [one] 1 downgrade
   *[other] { $count } downgrades
}
segments-no-movement = No customer changed tier in this period.
segments-up = Up
segments-down = Down

## Settings
nav-settings = Settings
settings-title = Settings
settings-tiers = Membership tiers
settings-tiers-hint = Tiers are checked from the top down and both conditions must hold. Customer value (LTV) = total spent × margin. Saving recomputes every customer.
settings-margin = Average margin
settings-min-ltv = LTV from (LYD)
settings-min-orders = Orders from
settings-equivalent = Equivalent total spent
settings-churn-bands = Churn risk bands
settings-medium-from = Medium from
settings-high-from = High from
settings-save-recompute = Save and recompute
settings-recomputed = { $customers } customers recomputed; { $changed } changed tier.
settings-task-rules = Follow-up task rules
settings-rule-welcomeCall = A welcome call after the first order, for customers who prefer the phone
settings-rule-accountManagerFollowUp = An account-manager follow-up on every order from platinum and VIP customers
settings-rule-assignAccountManager = Assign an account manager to customers reaching platinum or VIP without one

## Orders entered by hand (standalone mode)
order-add-title = Add order
order-add-line = Add a line
order-line-product = Product
order-line-category = Category
order-line-quantity = Quantity
order-line-price = Unit price (LYD)
order-shipping-fee = Shipping fee (LYD)
order-change-status = Change status
