// The standard columns of each export format, as data. Classification reads from them the names
// only CUR 2.0 has and the flattened product columns CUR 2.0 keeps; the column audit
// (column-audit.ts) reports an unread column that looks like a tag, principal or cost only when it
// is not one of these: a standard column the normalization deliberately leaves unread (blended
// cost, split cost allocation, net amortization) is no news to the user.

const words = (text: string) => new Set(text.trim().split(/\s+/))

/**
 * CUR 2.0, from the 127-column header of the real April 2026 export (samples/ola-raji-cur2-csv), plus
 * line_item_iam_principal, which an export has when it includes caller identity.
 */
export const CUR2_STANDARD_COLUMNS = words(`
  bill_bill_type bill_billing_entity bill_billing_period_end_date bill_billing_period_start_date
  bill_invoice_id bill_invoicing_entity bill_payer_account_id bill_payer_account_name
  cost_category
  discount discount_bundled_discount discount_total_discount
  identity_line_item_id identity_time_interval
  line_item_availability_zone line_item_blended_cost line_item_blended_rate line_item_currency_code
  line_item_iam_principal line_item_legal_entity line_item_line_item_description
  line_item_line_item_type line_item_net_unblended_cost line_item_net_unblended_rate
  line_item_normalization_factor line_item_normalized_usage_amount line_item_operation
  line_item_product_code line_item_resource_id line_item_tax_type line_item_unblended_cost
  line_item_unblended_rate line_item_usage_account_id line_item_usage_account_name
  line_item_usage_amount line_item_usage_end_date line_item_usage_start_date line_item_usage_type
  line_item_user_identifier
  pricing_currency pricing_lease_contract_length pricing_offering_class pricing_public_on_demand_cost
  pricing_public_on_demand_rate pricing_purchase_option pricing_rate_code pricing_rate_id pricing_term
  pricing_unit
  product product_comment product_fee_code product_fee_description product_from_location
  product_from_location_type product_from_region_code product_instance_family product_instance_type
  product_instancesku product_location product_location_type product_operation product_pricing_unit
  product_product_family product_region_code product_servicecode product_sku product_to_location
  product_to_location_type product_to_region_code product_usagetype
  reservation_amortized_upfront_cost_for_usage reservation_amortized_upfront_fee_for_billing_period
  reservation_availability_zone reservation_effective_cost reservation_end_time
  reservation_modification_status reservation_net_amortized_upfront_cost_for_usage
  reservation_net_amortized_upfront_fee_for_billing_period reservation_net_effective_cost
  reservation_net_recurring_fee_for_usage reservation_net_unused_amortized_upfront_fee_for_billing_period
  reservation_net_unused_recurring_fee reservation_net_upfront_value
  reservation_normalized_units_per_reservation reservation_number_of_reservations
  reservation_recurring_fee_for_usage reservation_reservation_a_r_n reservation_start_time
  reservation_subscription_id reservation_total_reserved_normalized_units
  reservation_total_reserved_units reservation_units_per_reservation
  reservation_unused_amortized_upfront_fee_for_billing_period
  reservation_unused_normalized_unit_quantity reservation_unused_quantity
  reservation_unused_recurring_fee reservation_upfront_value
  resource_tags
  savings_plan_amortized_upfront_commitment_for_billing_period savings_plan_end_time
  savings_plan_instance_type_family savings_plan_net_amortized_upfront_commitment_for_billing_period
  savings_plan_net_recurring_commitment_for_billing_period savings_plan_net_savings_plan_effective_cost
  savings_plan_offering_type savings_plan_payment_option savings_plan_purchase_term
  savings_plan_recurring_commitment_for_billing_period savings_plan_region
  savings_plan_savings_plan_a_r_n savings_plan_savings_plan_effective_cost
  savings_plan_savings_plan_rate savings_plan_start_time savings_plan_total_commitment_to_date
  savings_plan_used_commitment
  split_line_item_actual_usage split_line_item_net_split_cost split_line_item_net_unused_cost
  split_line_item_parent_resource_id split_line_item_public_on_demand_split_cost
  split_line_item_public_on_demand_unused_cost split_line_item_reserved_usage
  split_line_item_split_cost split_line_item_split_usage split_line_item_split_usage_ratio
  split_line_item_unused_cost
  tags
`)

/**
 * Names no legacy CUR has: the map columns, the principal and user identifier, and the account
 * names. A snake_case file with any of them is CUR 2.0.
 */
export const CUR2_ONLY_COLUMNS = words(`
  product tags resource_tags cost_category discount
  line_item_iam_principal line_item_user_identifier
  bill_payer_account_name line_item_usage_account_name
`)

/**
 * Legacy CUR columns, in their Athena spelling (`lineItem/BlendedCost` → line_item_blended_cost),
 * beyond those CUR 2.0 shares: the discount breakdown. Every product attribute is standard too
 * (legacy CUR flattens them all, one column each).
 */
export const LEGACY_ONLY_COLUMNS = words(`
  discount_edp_discount discount_private_rate_discount discount_spp_discount
`)

/**
 * FOCUS 1.0 to 1.3 (and the 1.0 preview's ChargeType, UsageQuantity, UsageUnit), plus the x_
 * columns of AWS's "FOCUS with AWS columns" export.
 */
export const FOCUS_STANDARD_COLUMNS = words(`
  AvailabilityZone BilledCost BillingAccountId BillingAccountName BillingAccountType BillingCurrency
  BillingPeriodEnd BillingPeriodStart CapacityReservationId CapacityReservationStatus ChargeCategory
  ChargeClass ChargeDescription ChargeFrequency ChargePeriodEnd ChargePeriodStart ChargeType
  CommitmentDiscountCategory CommitmentDiscountId CommitmentDiscountName CommitmentDiscountQuantity
  CommitmentDiscountStatus CommitmentDiscountType CommitmentDiscountUnit ConsumedQuantity
  ConsumedUnit ConsumerId ContractApplied ContractedCost ContractedUnitPrice EffectiveCost
  HostProviderName InvoiceId InvoiceIssuerName ListCost ListUnitPrice PricingCategory
  PricingCurrency PricingCurrencyContractedUnitPrice PricingCurrencyEffectiveCost
  PricingCurrencyListUnitPrice PricingQuantity PricingUnit ProviderName PublisherName RegionId
  RegionName ResourceId ResourceName ResourceType ServiceCategory ServiceName ServiceProviderName
  ServiceSubcategory SkuId SkuMeter SkuPriceDetails SkuPriceId SubAccountId SubAccountName
  SubAccountType Tags UsageQuantity UsageUnit
  x_CostCategories x_Discounts x_Operation x_ServiceCode x_UsageType
`)
