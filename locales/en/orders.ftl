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
