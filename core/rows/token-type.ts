// Token type and token scale of a Bedrock line, read from its usage type (or, failing that, from the
// `product['inference_type']` text). The rules are ordered data: throughput and commitment meters
// first (they mention "input tokens" but count no tokens), then cache read and cache write BEFORE
// input and output, because `cache-read-input-token-count` and `CacheReadInputTokenCount` contain
// "input" (BEDROCK-USAGE-TYPES.md §5). Texts are compared in lower case. A row that names a token
// class but has no pricing unit gets the unit its usage-type shape usually has, and says so.

export type TokenType = 'input' | 'output' | 'cache-read' | 'cache-write' | 'other'

export interface TokenTypeRule {
  tokenType: TokenType
  /** Matched against the text in kebab-case lower case (`CacheWrite1hInputTokenCount` →
   * `cache-write1h-input-token-count`). */
  pattern: RegExp
  why: string
}

export const TOKEN_TYPE_RULES: readonly TokenTypeRule[] = [
  {
    tokenType: 'other',
    pattern: /provisioned|model-?units|reserved|tokens?-per-minute|(^|[-:])tpm([-:]|$)/,
    why: 'provisioned throughput and reserved tokens-per-minute are hours of capacity, not tokens',
  },
  { tokenType: 'cache-read', pattern: /cache-?read/, why: 'cache reads, before input' },
  {
    tokenType: 'cache-write',
    pattern: /cache-?write/,
    why: 'cache writes (5m, 1h), before input; mantle names them cache-write-tokens',
  },
  { tokenType: 'input', pattern: /input.*token|token.*input/, why: 'input tokens of any modality' },
  { tokenType: 'output', pattern: /output.*token|token.*output/, why: 'output tokens' },
]

/** Rows in these pricing units count tokens; the usage amount is multiplied by the scale. */
export const TOKEN_UNIT_SCALES: readonly { unit: RegExp; scale: number; why: string }[] = [
  { unit: /^1k tokens?$/i, scale: 1_000, why: 'most first-party rows: amount in thousands' },
  { unit: /^1m tokens?$/i, scale: 1_000_000, why: 'some first-party and mantle rows' },
  { unit: /^tokens?$/i, scale: 1, why: 'plain token counts' },
  { unit: /^units?$/i, scale: 1_000_000, why: 'marketplace rows: amount in millions of tokens' },
]

/**
 * The unit assumed for a row whose usage type names tokens but whose pricing unit is empty, by the
 * usage type's shape; the first match wins. An assumption, reported with the figures it affects.
 */
export const ASSUMED_TOKEN_UNITS: readonly { shape: RegExp; unit: string; why: string }[] = [
  { shape: /(^|-)MP:|-Units$/i, unit: 'Units', why: 'marketplace rows bill millions of tokens' },
  { shape: /./, unit: '1K tokens', why: 'the unit of most first-party rows' },
]

/** `CacheWrite1hInputTokenCount` / `input_tokens_global` / `MP:USE1_X` → dash-separated lower case. */
export function toKebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase()
}

/** The token class a meter name states, or null when it states none. */
export function classifyTokenMeter(text: string | null | undefined): TokenType | null {
  if (!text) return null
  const kebab = toKebab(text)
  for (const rule of TOKEN_TYPE_RULES) if (rule.pattern.test(kebab)) return rule.tokenType
  return null
}

export function tokenScale(pricingUnit: string | null | undefined): number | null {
  const unit = (pricingUnit ?? '').trim()
  for (const entry of TOKEN_UNIT_SCALES) if (entry.unit.test(unit)) return entry.scale
  return null
}

export interface TokenClassification {
  tokenType: TokenType | null
  /** Multiplier from `usage_amount` to tokens; null when the row counts no tokens. */
  scale: number | null
  /** The pricing unit assumed because the row has none (see ASSUMED_TOKEN_UNITS), else null. */
  assumedUnit: string | null
}

/**
 * A Bedrock line's token type: the usage type decides when it names a class, the product's inference
 * type otherwise. Rows priced in tokens that name no class are unknown (null); the rest are 'other'.
 */
export function classifyTokens(
  usageType: string | null,
  inferenceType: string | null,
  pricingUnit: string | null,
): TokenClassification {
  const named = classifyTokenMeter(usageType)
  const stated = named ?? classifyTokenMeter(inferenceType)
  if (stated === null) {
    const tokenType = /token/i.test(pricingUnit ?? '') ? null : 'other'
    return { tokenType, scale: null, assumedUnit: null }
  }
  if (stated === 'other') return { tokenType: 'other', scale: null, assumedUnit: null }
  if (named !== null && !pricingUnit?.trim()) {
    const assumed = ASSUMED_TOKEN_UNITS.find((a) => a.shape.test(usageType ?? ''))!.unit
    return { tokenType: stated, scale: tokenScale(assumed), assumedUnit: assumed }
  }
  return { tokenType: stated, scale: tokenScale(pricingUnit), assumedUnit: null }
}
