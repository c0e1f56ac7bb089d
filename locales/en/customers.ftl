customers-title = Customers
customers-count = { $count ->
    [zero] No customers
    [one] 1 customer
   *[other] { $count } customers
}
customers-search-placeholder = Search by name, phone or e-mail
customers-new = New customer
customers-no-results = No customers match the search
customers-incomplete = Incomplete
col-name = Name
col-phone = Phone
col-email = E-mail
col-city = City
col-segment = Membership tier
col-total-spent = Total spent
col-ltv = Lifetime value
segment-new = New
segment-bronze = Bronze
segment-silver = Silver
segment-gold = Gold
segment-platinum = Platinum
segment-vip = VIP
section-personal = Personal information
section-contact = Contact information
section-preferences = Communication preferences
section-addresses = Addresses
section-history = Order history
section-segmentation = Segment and value
section-interactions = Store activity
section-metadata = Other details
section-consent-log = Consent log
field-first-name = First name
field-last-name = Last name
field-email = E-mail
field-phone = Phone
field-operator = Operator
field-secondary-phone = Secondary phone
field-whatsapp = WhatsApp number
field-date-of-birth = Date of birth
field-gender = Gender
field-preferred-language = Preferred language
field-nationality = Nationality
field-preferred-contact-method = Preferred contact method
field-marketing-emails = Marketing e-mails
field-sms-notifications = SMS notifications
field-order-updates = Order updates
field-promotional-offers = Promotional offers
field-whatsapp-messages = WhatsApp messages
field-push-notifications = Push notifications
field-email-frequency = E-mail frequency
field-newsletter-subscription = Newsletter
field-country = Country
field-city = City
field-area = Area
field-street = Street
field-building = Building
field-apartment = Apartment
field-postal-code = Postal code
field-default-address = Default address
field-first-order-date = First order
field-last-order-date = Last order
field-total-orders = Orders
field-total-spent = Total spent
field-average-order-value = Average order value
field-favorite-categories = Favourite categories
field-preferred-payment = Preferred payment
field-preferred-shipping = Preferred shipping
field-segment = Membership tier
field-lifetime-value = Lifetime value
field-churn-risk = Churn risk
field-engagement-score = Engagement score
field-satisfaction-score = Satisfaction score
field-last-activity = Last activity
field-total-logins = Logins
field-total-page-views = Page views
field-total-cart-additions = Cart additions
field-total-wishlist-items = Wishlist items
field-referral-source = Referral source
field-referral-code = Referral code
field-created-at = Created
field-updated-at = Last changed
field-created-by = Created by
field-tags = Tags
field-tags-hint = Separate tags with commas
field-notes = Notes
field-custom-fields = Custom fields
gender-male = Male
gender-female = Female
gender-unset = Not given
lang-ar = العربية
lang-en = English
contact-email = E-mail
contact-sms = SMS
contact-whatsapp = WhatsApp
contact-phone = Phone call
freq-daily = Daily
freq-weekly = Weekly
freq-monthly = Monthly
operator-alMadar = Al-Madar Al-Jadeed
operator-libyana = Libyana
operator-ltt = LTT
form-create-title = New customer
form-edit-title = Edit customer
form-address-title = Default address
duplicate-title = A similar customer exists
duplicate-body = A customer with the same phone or e-mail already exists. Open it to check, or save the new customer if this is a different person.
duplicate-open = Open the existing customer
duplicate-save-anyway = Save as a new customer
consent-transition = { $old } → { $new }
audit-created = Customer created
audit-updated = Customer details changed
actor-customer = Customer
actor-sync = Sync
field-email-categories = E-mail categories
field-address = Addresses
filter-segment = Membership tier
filter-city = City
filter-tag = Tag
filter-clear = Clear filters
import-reason-column = Reason
import-title = Import
import-help = Choose a CSV or Excel (.xlsx) file of customers. Columns are recognised from their Arabic or English headers, and you can change the mapping before importing. Customers already here with the same phone or e-mail are updated, not duplicated.
import-file = File
import-choose = Choose file…
import-read = Read file
import-mapping = Column mapping
import-file-summary = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} · encoding { $encoding }
import-column-none = — none —
import-saved-mappings = Saved mapping
import-mapping-name = Mapping name
import-save-mapping = Save mapping
import-mapping-saved = Mapping saved
import-preview = First rows
import-run = { $rows ->
    [one] Import 1 row
   *[other] Import { $rows } rows
}
import-report = Import report
import-inserted = Added
import-updated = Updated
import-merged = Merged
import-unchanged = Unchanged
import-rejected = Rejected
import-line = Line
import-field = Field
import-download-rejected = Download rejected rows
import-rejected-saved = Rejected rows saved to { $path }
field-full-name = Full name
field-user-id = Store customer id
field-mapping = Column mapping
export-title = Export
export-csv = CSV file
export-xlsx = Excel file (.xlsx)
export-done = { $count ->
    [one] 1 customer exported to { $path }
   *[other] { $count } customers exported to { $path }
}
duplicates-title = Duplicate customers
duplicates-open = Duplicates
duplicates-none = No probable duplicates
duplicate-reason-samePhone = Same phone
duplicate-reason-sameEmail = Same e-mail
duplicate-reason-sameNameAndCity = Same name and city
duplicate-dismiss = Not the same person
merge-compare = Compare and merge
merge-keep = Record to keep:
merge-action = Merge
merge-confirm-title = Confirm merge
merge-confirm-body = “{ $merged }” will be merged into “{ $survivor }”. Tags, addresses, notes and every linked record are combined, and you can undo the merge later.
merge-done = “{ $merged }” merged into “{ $survivor }”
merge-undo = Undo
merge-undone = Undone
merge-open-survivor = Open customer
merge-history = Recent merges
merge-kept-always = Tags, addresses and notes of both records are always combined; the consent and change logs of both are kept.
merge-field-name = Name
merge-field-phone = Phone
merge-field-email = E-mail
merge-field-secondaryPhone = Secondary phone
merge-field-whatsapp = WhatsApp number
merge-field-dateOfBirth = Date of birth
merge-field-gender = Gender
merge-field-preferredLanguage = Preferred language
merge-field-nationality = Nationality
merge-field-defaultAddress = Default address
audit-imported = Updated from an imported file
audit-merged = Another customer was merged into this one
audit-mergedInto = Merged into another customer
audit-mergeUndone = Merge undone
section-timeline = Timeline
timeline-consent = Consent to { $field } changed: { $change }
views-choose = Saved view
views-save = Save view
views-delete = Delete view
views-name = View name
columns-title = Columns
bulk-title = Bulk actions
bulk-add-tag = Add a tag to all
bulk-remove-tag = Remove a tag from all
bulk-applies-to = { $count ->
    [one] Applies to 1 customer in the current result
   *[other] Applies to { $count } customers in the current result
}
bulk-tag-added = { $count ->
    [0] Every customer already had the tag “{ $tag }”
    [one] Tag “{ $tag }” added to 1 customer
   *[other] Tag “{ $tag }” added to { $count } customers
}
bulk-tag-removed = { $count ->
    [0] No customer had the tag “{ $tag }”
    [one] Tag “{ $tag }” removed from 1 customer
   *[other] Tag “{ $tag }” removed from { $count } customers
}
audit-bulkTag = Tags changed by a bulk action
filter-more = { $count ->
    [0] More filters
   *[other] More filters ({ $count })
}
filter-spent-min = Spent at least (LYD)
filter-spent-max = Spent at most (LYD)
filter-order-after = Last order from
filter-order-before = Last order until
filter-consents = Has consented to
bulk-delete = Delete all…
bulk-delete-confirm = { $count ->
    [one] 1 customer in the current result will be deleted.
   *[other] { $count } customers in the current result will be deleted.
} You can undo right after.
bulk-delete-button = { $count ->
    [one] Delete 1 customer
   *[other] Delete { $count } customers
}
bulk-deleted = { $count ->
    [one] 1 customer deleted
   *[other] { $count } customers deleted
}
bulk-restored = { $count ->
    [one] 1 customer restored
   *[other] { $count } customers restored
}
audit-deleted = Customer deleted
audit-restored = Customer restored after deletion
bulk-title-selected = Selected ({ $count })
bulk-selected = { $count ->
    [one] 1 customer selected
   *[other] { $count } customers selected
}
bulk-applies-to-selection = { $count ->
    [one] Applies to the selected customer
   *[other] Applies to the { $count } selected customers
}
bulk-select-customer = Select customer
bulk-clear-selection = Clear selection
bulk-add-tag-title = Add a tag
bulk-remove-tag-title = Remove a tag

## Custom fields (SPEC §1.7)
section-custom-fields = Custom fields
custom-fields-title = Custom fields
custom-fields-hint = Fields your store defines for every customer. Removing a field keeps its saved values, shown read-only.
custom-fields-empty = No custom fields yet.
custom-fields-saved = Custom fields saved.
custom-field-key = Key
custom-field-label = Arabic name
custom-field-label-en = English name
custom-field-kind = Type
custom-field-allowed = Allowed values
custom-field-add = Add a field
custom-field-remove = Remove the field
custom-field-kind-text = Text
custom-field-kind-number = Number
custom-field-kind-boolean = Yes / no
custom-field-kind-date = Date
custom-field-kind-list = List
filter-custom-field = Custom field
filter-custom-value = Value

## Churn bands (SPEC §2.4)
filter-churn-band = Churn risk
churn-band-low = Low
churn-band-medium = Medium
churn-band-high = High
