// The columns of the `usage_log` table (USAGE-LOGS.md §6): one row per successful model call, from
// whatever log it came from. The four token counts never overlap: input is uncached input, and
// cache reads and writes are counted apart. This list is the contract every reader of usage_log
// (the split by user, the SQL console) relies on.

export interface UsageLogColumn {
  name: string
  type: string
  meaning: string
}

export const USAGE_LOG_COLUMNS: readonly UsageLogColumn[] = [
  {
    name: 'source',
    type: 'VARCHAR',
    meaning: 'Which log: bedrock_mil (Bedrock invocation logs), litellm, langfuse or csv',
  },
  { name: 'request_id', type: 'VARCHAR', meaning: 'The call id; unique within its source' },
  { name: 'ts_utc', type: 'TIMESTAMP', meaning: 'When the call started, UTC' },
  {
    name: 'principal_arn',
    type: 'VARCHAR',
    meaning: 'The AWS caller (for a gateway, its role); NULL when the log does not say',
  },
  { name: 'end_user', type: 'VARCHAR', meaning: 'Who the call was for; NULL when not logged' },
  { name: 'team', type: 'VARCHAR', meaning: "The end user's team; NULL when not logged" },
  {
    name: 'tags',
    type: 'MAP(VARCHAR, VARCHAR)',
    meaning:
      "The call's own labels: Bedrock's requestMetadata, LiteLLM's spend_logs_metadata, Langfuse's metadata; list tags (LiteLLM request_tags, Langfuse tags) as keys with empty values",
  },
  { name: 'model_raw', type: 'VARCHAR', meaning: 'The model as logged' },
  {
    name: 'model_key',
    type: 'VARCHAR',
    meaning:
      "The model's canonical key, as the CUR side's model key; an unresolved application inference profile keeps its ARN",
  },
  {
    name: 'cross_region',
    type: 'VARCHAR',
    meaning: 'none, geo or global, from the model id; NULL when the id does not say',
  },
  { name: 'region', type: 'VARCHAR', meaning: "The caller's Region; NULL when not logged" },
  {
    name: 'account_id',
    type: 'VARCHAR',
    meaning:
      "The AWS account the call ran in: the log's own (Bedrock's accountId), else its principal ARN's, else the cost export's only usage account; NULL when none says",
  },
  { name: 'input_tokens', type: 'BIGINT', meaning: 'Uncached input tokens' },
  { name: 'cache_read_tokens', type: 'BIGINT', meaning: 'Input tokens read from the prompt cache' },
  {
    name: 'cache_write_tokens',
    type: 'BIGINT',
    meaning: 'Input tokens written to the prompt cache',
  },
  { name: 'output_tokens', type: 'BIGINT', meaning: 'Output tokens' },
  {
    name: 'est_cost_usd',
    type: 'DECIMAL(18,10)',
    meaning: "The log's own cost estimate in USD; NULL when it has none (Bedrock's logs)",
  },
  { name: 'ok', type: 'BOOLEAN', meaning: 'Always true: failed calls are not loaded' },
]
