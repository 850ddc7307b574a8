// Public face of core/chargeback: rule coverage, statements with shared-cost allocation, their
// export (CSV, workbook, browser download), and the line items as FOCUS with their recipients.
export { checkRules } from './coverage.js'
export { chargebackDownload, exportChargeback } from './export.js'
export { exportFocus } from './focus-export.js'
export { assertRules, describeMatch, validateRules } from './rules.js'
export { compileRuleIndex } from './rules-sql.js'
export { chargeback } from './statements.js'
