// The hand-made month used by the chargeback tests, with its figures worked out by hand.
// July 2026 (unblended): backend 150.00 (javier 67.30, luis 41.20, ana 41.50; only javier and
// luis carry the team tag), data 100.00, frontend 50.00, a role no rule knows 6.00, the gateway
// role 9.00, tax 30.00, credits and refunds -21.25, fees and support 100.00: bill 423.75.
// June 2026 holds DataTeam usage from before tags existed: 1000.00.
import type { MappingRules } from '../../../core/api.js'
import type { ItemRow } from './attributed-dataset.js'

const arn = (role: string, session: string) =>
  `arn:aws:sts::111122223333:assumed-role/${role}/${session}`

const usage = (role: string, person: string, cost: string, team?: string): ItemRow => ({
  principal_arn: arn(role, person),
  principal_role: role,
  principal_person: person,
  principal_account: '111122223333',
  model: 'Claude Sonnet 4.6',
  unblended_cost: cost,
  tags: team ? { 'iamPrincipal/team': team } : {},
})

export const JULY_ROWS: ItemRow[] = [
  usage('BackendDev', 'javier@example.com', '67.30', 'backend'),
  usage('BackendDev', 'luis@example.com', '41.20', 'backend'),
  { ...usage('BackendDev', 'ana@example.com', '41.50'), amortized_cost: '30.00' },
  usage('DataTeam', 'maria@example.com', '52.10'),
  { ...usage('DataTeam', 'tom@example.com', '47.90'), model: 'Nova Pro' },
  usage('FrontendApp', 'i-0abc123', '50.00', 'frontend'),
  usage('Unknown', 'x', '6.00'),
  usage('llm-gateway-role', 'gw-17', '9.00'),
  { line_item_type: 'Tax', unblended_cost: '20.00' },
  { line_item_type: 'Tax', service: 'Amazon Route 53', unblended_cost: '10.00' },
  { line_item_type: 'Credit', unblended_cost: '-20.00' },
  { line_item_type: 'Refund', unblended_cost: '-1.25' },
  { line_item_type: 'Fee', service: 'Amazon Route 53', unblended_cost: '3.00' },
  {
    service: 'AWS Support (Business)',
    product_code: 'AWSSupportBusiness',
    unblended_cost: '97.00',
  },
]

export const JUNE_ROWS: ItemRow[] = [
  { ...usage('DataTeam', 'maria@example.com', '1000.00'), billing_period: '2026-06' },
]

export const TEAM_RULES: MappingRules = {
  version: 1,
  rules: [
    { id: 'backend-role', recipient: 'backend', match: { kind: 'role', pattern: 'Backend*' } },
    { id: 'data-role', recipient: 'data', match: { kind: 'role', pattern: 'DataTeam' } },
    { id: 'frontend-role', recipient: 'frontend', match: { kind: 'role', pattern: 'FrontendApp' } },
  ],
}

/** Each statement's total for July by TEAM_RULES, every shared bucket kept as its own line. */
export const JULY_TOTALS_KEPT: Record<string, string> = {
  backend: '150.00',
  data: '100.00',
  frontend: '50.00',
  '(unallocated)': '15.00',
  '(tax)': '30.00',
  '(fees)': '100.00',
  '(credits)': '-21.25',
}
