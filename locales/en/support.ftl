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
