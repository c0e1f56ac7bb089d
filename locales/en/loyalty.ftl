# Loyalty (SPEC §4)

reward-error-points = The points required must be more than zero
reward-error-valid-for = The voucher's validity in days must be more than zero
reward-error-percent = The discount is a percentage from 1 to 100
redeem-error-inactive = This reward is switched off
redeem-error-out-of-stock = The gift product is out of stock
redeem-error-balance = The balance is { $balance } points; the reward needs { $required }
redeem-error-minimum = At least { $minimum } points can be redeemed
