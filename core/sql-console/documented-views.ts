// The views the SQL console offers, each column with its meaning: the one list the statement check
// (which names a query may read), the schema panel and the editor's completion all take. A view
// that is not built for the open export (usage_log, until usage logs load) is left out of the
// schema. Adding a view is one entry here.
import { CUR_COLUMNS } from '../sources/cur-columns.js'
import { USAGE_LOG_COLUMNS } from '../usage-logs/index.js'

export interface DocumentedColumn {
  name: string
  meaning: string
}

export interface DocumentedView {
  name: string
  description: string
  columns: readonly DocumentedColumn[]
}

/** What `cur_attributed` adds to `cur`; the contract is core/rows/row-views.ts. */
const ATTRIBUTED_COLUMNS: readonly DocumentedColumn[] = [
  {
    name: 'principal_kind',
    meaning:
      'iam-user, api-key, assumed-role, sso, agentcore, root, federated or unknown; NULL when the row has no principal',
  },
  {
    name: 'principal_person',
    meaning: 'Session or user name (SSO: the person; AgentCore: its role); NULL = no principal',
  },
  {
    name: 'principal_role',
    meaning: 'Role name as in the ARN (IAM users: user/<name>); NULL = no principal',
  },
  { name: 'principal_account', meaning: 'Account id from the principal ARN' },
  { name: 'model', meaning: 'Readable Bedrock model; NULL = not Bedrock, or unknown' },
  { name: 'provider', meaning: "The model's provider; NULL = not Bedrock, or unknown" },
  {
    name: 'token_type',
    meaning:
      'input, output, cache-read, cache-write or other; NULL when not a Bedrock row, or a token-priced Bedrock row that names no class',
  },
  {
    name: 'tokens',
    meaning:
      'usage_amount × token_scale (1K tokens ×1,000; 1M tokens and marketplace Units ×1,000,000); NULL when the row counts no tokens',
  },
  { name: 'token_scale', meaning: 'The multiplier behind tokens, for exact decimal sums' },
  { name: 'usage_region', meaning: 'Region named by the usage-type prefix (EU- → eu-west-1)' },
]

export const DOCUMENTED_VIEWS: readonly DocumentedView[] = [
  {
    name: 'cur',
    description:
      'The line items of the open export, normalized: one row per line of the bill, the same columns whatever the format.',
    columns: CUR_COLUMNS,
  },
  {
    name: 'cur_attributed',
    description:
      "Every cur column, plus who and what: the caller's principal rolled up to person, role and account, and for Bedrock the model, provider, token type and tokens.",
    columns: [...CUR_COLUMNS, ...ATTRIBUTED_COLUMNS],
  },
  {
    name: 'usage_log',
    description:
      'The usage logs loaded beside the export (Usage logs screen, --logs): one row per successful model call, whatever log it came from.',
    columns: USAGE_LOG_COLUMNS.map(({ name, meaning }) => ({ name, meaning })),
  },
]

export const DOCUMENTED_VIEW_NAMES: readonly string[] = DOCUMENTED_VIEWS.map((v) => v.name)
