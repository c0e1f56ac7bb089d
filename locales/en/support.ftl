# The support desk (SPEC §7)

ticket-status = { $status ->
    [open] Open
    [in_progress] In progress
    [waiting_response] Waiting on customer
    [resolved] Resolved
   *[closed] Closed
}
ticket-priority = { $priority ->
    [low] Low
    [medium] Medium
    [high] High
   *[urgent] Urgent
}
ticket-category = { $category ->
    [order] Orders
    [payment] Payment
    [shipping] Shipping and delivery
    [product] Products
    [technical] Technical problem
   *[other] Other
}
ticket-channel = { $channel ->
    [email] E-mail
    [sms] SMS
    [whatsapp] WhatsApp
    [phone] Phone
   *[platform] Store
}
ticket-intent = { $intent ->
    [order_status] Order status
    [payment_issue] Payment issue
    [shipping_problem] Shipping problem
    [product_inquiry] Product question
    [complaint] Complaint
   *[general_inquiry] General enquiry
}

ticket-error-transition = A ticket cannot go from “{ $from ->
        [open] Open
        [in_progress] In progress
        [waiting_response] Waiting on customer
        [resolved] Resolved
       *[closed] Closed
    }” to “{ $to ->
        [open] Open
        [in_progress] In progress
        [waiting_response] Waiting on customer
        [resolved] Resolved
       *[closed] Closed
    }”
ticket-error-closed = The ticket is closed; a new message from the customer opens a new ticket linked to it
ticket-error-unassign = A ticket cannot be unassigned while “{ $status ->
        [open] Open
        [in_progress] In progress
        [waiting_response] Waiting on customer
        [resolved] Resolved
       *[closed] Closed
    }”
ticket-error-order = This customer has no order “{ $ref }”
ticket-error-placeholder = The reply has a field left to fill: { $placeholder }
ticket-error-unknown-agent = No staff user has this id
ticket-error-no-agent-available = No agent is available for round-robin assignment
ticket-error-rating = The rating is a number from 1 to 5
ticket-error-rating-unresolved = A rating is recorded once the ticket is resolved
ticket-error-merge-self = A ticket cannot be merged into itself
ticket-error-merge-customer = Only the same customer's tickets can be merged
ticket-auto-resolved = We haven't heard from you for { $days } days, so we have marked your request as resolved. If you need anything else, write to us and we'll reopen it.

sla-error-working-days = Choose at least one working day
sla-error-hours = Closing time must be after opening time
sla-error-target = A target must be more than zero

attachment-error-size = The file is larger than { $max } MB
attachment-error-type = This type of file is not allowed; images and PDF files are
attachment-error-missing = The attachment no longer exists
canned-error-placeholder = Unknown field in the text: { $placeholder }
canned-error-missing = The canned reply no longer exists

# The inbox screen
nav-tickets-unread = Unread
inbox-title = Ticket inbox
inbox-new-ticket = New ticket
inbox-queue-mine = Mine
inbox-queue-unassigned = Unassigned
inbox-queue-open = All open
inbox-queue-waiting = Waiting on customer
inbox-queue-overdue = Overdue
inbox-queue-all = All
inbox-priority = Priority
inbox-category = Category
inbox-channel = Channel
inbox-status = Status
inbox-assignee = Assignee
inbox-default = Automatic
inbox-views = Saved views
inbox-view-name = View name
inbox-view-save = Save the current view
inbox-view-delete = Delete the view
inbox-search = Search by ticket number, customer name or phone
inbox-showing = { $shown } of { $total }
inbox-empty = No tickets in this list
inbox-unread = Unread
inbox-overdue = Overdue
inbox-unassigned = Unassigned
inbox-round-robin = In turn among available agents
inbox-assign-to-me = Assign to me
inbox-pick = Choose a ticket from the list
inbox-shortcuts = Keyboard shortcuts
inbox-shortcuts-hint = Press ? for keyboard shortcuts
inbox-key-next = Next ticket
inbox-key-previous = Previous ticket
inbox-key-reply = Write a reply
inbox-key-assign = Assign the ticket to me
inbox-key-status = Change the status
inbox-key-new = New ticket
inbox-key-send = Send the reply
inbox-escalated = Escalated
inbox-reopened = Reopened { $count ->
    [one] once
   *[other] { $count } times
}
inbox-merged-into = Merged into another ticket — open it
inbox-follows-up = Follows up ticket { $number }
inbox-description = Problem description
inbox-attachments = Attachments
inbox-suggested-reply = Suggested reply
inbox-use-suggestion = Use this reply
inbox-kind-reply = Reply to customer
inbox-kind-note = Internal note
inbox-kind-customer = Customer's words
inbox-canned = Canned replies
inbox-attach = Attach a file
inbox-reply-placeholder = Write your reply to the customer…
inbox-note-placeholder = A note for the team only, never sent to the customer…
inbox-customer-placeholder = Type what the customer said by phone or in the shop…
inbox-fill-placeholders = Fill in before sending: { $names }
inbox-merge = Merge another ticket into this one
inbox-escalate = Escalate
inbox-send = Send
inbox-send-hint = Ctrl + Enter sends
inbox-add-note = Add the note
inbox-log-customer = Log the customer's words
inbox-rating = Customer's rating:
inbox-rate = { $rating } out of 5
inbox-merge-title = Merge two tickets
inbox-merge-body = The other ticket's messages and attachments move to this one, in time order, and the other is closed with a link to this one. Both must be the same customer's.
inbox-merge-other = The other ticket's number
inbox-merge-confirm = Merge
inbox-attachment-no-preview = This file cannot be shown here.
inbox-from-customer = Customer
inbox-from-agent = Agent
inbox-from-system = Automatic reply
inbox-new-customer = Customer (name, phone or e-mail)
inbox-new-subject = Subject
inbox-new-description = Problem description
inbox-new-order = Order number (optional)
inbox-new-save = Open the ticket
panel-orders = { $count ->
    [one] one order
   *[other] { $count } orders
}
panel-satisfaction = Satisfaction
panel-loyalty = Points balance
panel-recent-orders = Recent orders
panel-open-tickets = Other open tickets
sla-first-response = First response
sla-resolution = Resolution
sla-met = met in { $minutes } business minutes
sla-paused = paused
sla-breached = overdue
sla-due = due { $at }
tickets-new-title = New tickets
tickets-new-body = New tickets arrived in the support inbox; unassigned now: { $unassigned }
support-error-days = The number of days is from 1 to { $max }
support-error-attachment-size = The attachment limit is from 1 to { $max } MB

# The desk's settings
desk-settings = Support desk
desk-hours = Working days and hours (the SLA counts these)
weekday = { $day ->
    [0] Monday
    [1] Tuesday
    [2] Wednesday
    [3] Thursday
    [4] Friday
    [5] Saturday
   *[6] Sunday
}
desk-opens = Opens
desk-closes = Closes
desk-holidays = Holidays
desk-remove = Remove
desk-holiday-date = Date
desk-holiday-name = Holiday name
desk-add = Add
desk-proposed = Proposed holidays for { $year }
desk-proposed-hint = Islamic holidays are computed with the Umm al-Qura calendar; confirm each date, or move it a day to follow Libya's announced sighting.
desk-added = Added
desk-confirm = Confirm
desk-shift = A day later
desk-shift-hint = Add it on the next day, if the moon was sighted a day later
holiday = { $kind ->
    [revolution_day] 17 February Revolution Day
    [labour_day] Labour Day
    [martyrs_day] Martyrs' Day
    [liberation_day] Liberation Day
    [independence_day] Independence Day
    [islamic_new_year] Islamic New Year
    [mawlid] The Prophet's Birthday
    [eid_al_fitr] Eid al-Fitr (day { $day })
    [arafat_day] Day of Arafah
   *[eid_al_adha] Eid al-Adha (day { $day })
}
hijri-date = { $day } { $month ->
    [1] Muharram
    [2] Safar
    [3] Rabi' al-Awwal
    [4] Rabi' al-Thani
    [5] Jumada al-Ula
    [6] Jumada al-Akhirah
    [7] Rajab
    [8] Sha'ban
    [9] Ramadan
    [10] Shawwal
    [11] Dhu al-Qa'dah
   *[12] Dhu al-Hijjah
} { $year } AH
desk-sla-targets = Response and resolution targets by priority (business hours)
desk-first-response-minutes = First response (minutes)
desk-resolution-hours = Resolution (hours)
desk-save-sla = Save the calendar and targets
desk-sla-saved = Calendar and targets saved; open tickets were re-timed
desk-automation = Automatic actions
desk-auto-resolve = Resolve after days waiting on the customer
desk-auto-close = Close after days resolved
desk-auto-reply = Send the suggested reply automatically
desk-save = Save
desk-saved = Settings saved
desk-agents = Agents available for round-robin assignment
desk-canned = Canned replies
desk-inactive = Inactive
desk-edit = Edit
desk-add-canned = New canned reply
desk-canned-title = Title
desk-canned-ar = Arabic text
desk-canned-en = English text
desk-canned-placeholders = Fields you can use: {"{{"}firstName{"}}"}, {"{{"}lastName{"}}"}, {"{{"}orderNumber{"}}"}, {"{{"}ticketNumber{"}}"}, {"{{"}agentName{"}}"}
desk-active = Active
desk-intents = Keywords for detecting what the customer wants
desk-intents-hint = Compared after folding (no diacritics or tatweel; hamza forms and taa marbuta unified), in order: the first intent that matches wins.
desk-save-intents = Save the keywords
inbox-subcategory = Subcategory (optional)
inbox-subcategory-hint = Choose a category to see its subcategories, or type your own
