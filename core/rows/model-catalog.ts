// The Bedrock models CUR Lens knows, as data: one entry per model with its canonical key, the one
// name it is shown under, its provider, and every other spelling that names it in a bill or a log
// (usage-type billing names, product-map names old and new, marketplace product names, model ids).
// Lookups compare lower-case letters and digits only, so `NovaPro`, `Nova Pro` and `nova-pro` are
// one spelling. A name no entry lists is unknown: it is shown as written, never matched by guess.

export interface ModelEntry {
  /**
   * The Bedrock base model id without its `:N` revision (`amazon.nova-pro-v1`). Where the
   * bedrock-mantle endpoint names the model without a release date or version suffix (Anthropic,
   * OpenAI, xAI, Qwen), that form (`anthropic.claude-haiku-4-5`); the full id is an alias.
   */
  key: string
  /** The name shown everywhere: AWS's product-map spelling where known (`Amazon Nova Pro`). */
  name: string
  provider: string
  /** Other spellings of the same model. */
  aliases: readonly string[]
}

const entry = (key: string, name: string, provider: string, ...aliases: string[]): ModelEntry => ({
  key,
  name,
  provider,
  aliases,
})

const amazon = (key: string, name: string, ...aliases: string[]) =>
  entry(key, name, 'Amazon', ...aliases)
const anthropic = (key: string, name: string, ...aliases: string[]) =>
  entry(key, name, 'Anthropic', ...aliases)
const meta = (key: string, name: string, ...aliases: string[]) =>
  entry(key, name, 'Meta', ...aliases)
const mistral = (key: string, name: string, ...aliases: string[]) =>
  entry(key, name, 'Mistral AI', ...aliases)

// Sources: BEDROCK-USAGE-TYPES.md (billing names, mantle ids, marketplace names), the us-east-1
// price list's `model` values of 2026-07-27 ("Nova Pro", "Llama 3.3 70B", "R1"), issue 15's
// product-map spellings ("Amazon Nova Pro", "Mistral Large 2"), and Bedrock's model ids.
// Uncertain (no billing row seen): the ids of Nova 2 Pro, Nova 2 Omni and Nova 2 Sonic, the billing
// names of Claude 3.5 Sonnet v2 and Qwen3 235B, the display names of Cohere Embed and gpt-5.6-luna.
// Claude 2.0 and 2.1 are left out on purpose: their ids differ only in the `:N` revision
// (`anthropic.claude-v2`, `anthropic.claude-v2:1`), which a key drops, so they stay as billed.
export const MODEL_CATALOG: readonly ModelEntry[] = [
  amazon(
    'amazon.nova-pro-v1',
    'Amazon Nova Pro',
    'NovaPro',
    'Nova Pro',
    'Nova Pro Latency Optimized',
  ),
  amazon('amazon.nova-lite-v1', 'Amazon Nova Lite', 'NovaLite', 'Nova Lite'),
  amazon('amazon.nova-micro-v1', 'Amazon Nova Micro', 'NovaMicro', 'Nova Micro'),
  amazon('amazon.nova-premier-v1', 'Amazon Nova Premier', 'NovaPremier', 'Nova Premier'),
  amazon(
    'amazon.nova-2-lite-v1',
    'Amazon Nova 2 Lite',
    'Nova2.0Lite',
    'Nova 2.0 Lite',
    'Nova 2 Lite',
  ),
  amazon('amazon.nova-2-pro-v1', 'Amazon Nova 2 Pro', 'Nova2.0Pro', 'Nova 2.0 Pro', 'Nova 2 Pro'),
  amazon(
    'amazon.nova-2-omni-v1',
    'Amazon Nova 2 Omni',
    'Nova2.0Omni',
    'Nova 2.0 Omni',
    'Nova 2 Omni',
  ),
  amazon('amazon.nova-sonic-v1', 'Amazon Nova Sonic', 'NovaSonic', 'Nova Sonic'),
  amazon('amazon.nova-2-sonic-v1', 'Amazon Nova 2 Sonic', 'Nova2.0Sonic', 'Nova Sonic 2.0'),
  amazon('amazon.nova-canvas-v1', 'Amazon Nova Canvas', 'NovaCanvas', 'Nova Canvas'),
  amazon('amazon.nova-reel-v1', 'Amazon Nova Reel', 'NovaReel', 'Nova Reel'),
  amazon(
    'amazon.titan-embed-text-v2',
    'Amazon Titan Text Embeddings V2',
    'TitanEmbeddingV2-Text',
    'TitanEmbedV2',
    'Titan Text Embeddings V2',
  ),
  amazon(
    'amazon.titan-embed-text-v1',
    'Amazon Titan Embeddings G1 - Text',
    'TitanEmbeddingsG1-Text',
    'Titan Embeddings G1 - Text',
  ),
  amazon(
    'amazon.titan-embed-image-v1',
    'Amazon Titan Multimodal Embeddings G1',
    'TitanEmbeddingsG1-Image',
    'Titan Multimodal Embeddings G1',
  ),
  amazon('amazon.titan-text-premier-v1', 'Amazon Titan Text Premier', 'TitanText-Premier'),
  amazon('amazon.rerank-v1', 'Amazon Rerank 1.0', 'AmazonRerank-v1'),
  anthropic('anthropic.claude-sonnet-4-6', 'Claude Sonnet 4.6', 'Claude4.6Sonnet'),
  anthropic(
    'anthropic.claude-opus-4-6',
    'Claude Opus 4.6',
    'Claude4.6Opus',
    'anthropic.claude-opus-4-6-v1',
  ),
  anthropic(
    'anthropic.claude-opus-4-7',
    'Claude Opus 4.7',
    'Claude4.7Opus',
    'anthropic.claude-opus-4-7-v1',
  ),
  anthropic('anthropic.claude-opus-4-8', 'Claude Opus 4.8', 'Claude4.8Opus'),
  anthropic('anthropic.claude-opus-5-5', 'Claude Opus 5.5', 'Claude5.5Opus'),
  anthropic(
    'anthropic.claude-haiku-4-5',
    'Claude Haiku 4.5',
    'Claude4.5Haiku',
    'anthropic.claude-haiku-4-5-20251001-v1',
  ),
  anthropic(
    'anthropic.claude-sonnet-4-5',
    'Claude Sonnet 4.5',
    'Claude4.5Sonnet',
    'anthropic.claude-sonnet-4-5-20250929-v1',
  ),
  anthropic(
    'anthropic.claude-opus-4-1',
    'Claude Opus 4.1',
    'Claude4.1Opus',
    'anthropic.claude-opus-4-1-20250805-v1',
  ),
  anthropic(
    'anthropic.claude-sonnet-4',
    'Claude Sonnet 4',
    'Claude4Sonnet',
    'anthropic.claude-sonnet-4-20250514-v1',
  ),
  anthropic(
    'anthropic.claude-opus-4',
    'Claude Opus 4',
    'Claude4Opus',
    'anthropic.claude-opus-4-20250514-v1',
  ),
  anthropic(
    'anthropic.claude-3-7-sonnet',
    'Claude 3.7 Sonnet',
    'Claude3-7Sonnet',
    'anthropic.claude-3-7-sonnet-20250219-v1',
  ),
  anthropic(
    'anthropic.claude-3-5-haiku',
    'Claude 3.5 Haiku',
    'Claude3-5Haiku',
    'anthropic.claude-3-5-haiku-20241022-v1',
  ),
  anthropic(
    'anthropic.claude-3-5-sonnet',
    'Claude 3.5 Sonnet',
    'Claude3-5Sonnet',
    'anthropic.claude-3-5-sonnet-20240620-v1',
  ),
  anthropic(
    'anthropic.claude-3-5-sonnet-v2',
    'Claude 3.5 Sonnet v2',
    'Claude3-5SonnetV2',
    'anthropic.claude-3-5-sonnet-20241022-v2',
  ),
  anthropic(
    'anthropic.claude-3-haiku',
    'Claude 3 Haiku',
    'Claude3Haiku',
    'anthropic.claude-3-haiku-20240307-v1',
  ),
  anthropic(
    'anthropic.claude-3-sonnet',
    'Claude 3 Sonnet',
    'Claude3Sonnet',
    'anthropic.claude-3-sonnet-20240229-v1',
  ),
  anthropic(
    'anthropic.claude-3-opus',
    'Claude 3 Opus',
    'Claude3Opus',
    'anthropic.claude-3-opus-20240229-v1',
  ),
  anthropic('anthropic.claude-instant-v1', 'Claude Instant', 'ClaudeInstant'),
  meta(
    'meta.llama4-maverick-17b-instruct-v1',
    'Llama 4 Maverick 17B Instruct',
    'Llama4-Maverick-17B',
    'Llama 4 Maverick 17B',
  ),
  meta(
    'meta.llama4-scout-17b-instruct-v1',
    'Llama 4 Scout 17B Instruct',
    'Llama4-Scout-17B',
    'Llama 4 Scout 17B',
  ),
  meta('meta.llama3-3-70b-instruct-v1', 'Llama 3.3 70B Instruct', 'Llama3-3-70B', 'Llama 3.3 70B'),
  meta(
    'meta.llama3-1-405b-instruct-v1',
    'Llama 3.1 405B Instruct',
    'Llama3-1-405B',
    'Llama 3.1 405B',
  ),
  // The latency-optimized variant is a tier of the same model (the same id in invocation logs).
  meta(
    'meta.llama3-1-70b-instruct-v1',
    'Llama 3.1 70B Instruct',
    'Llama3-1-70B',
    'Llama 3.1 70B',
    'Llama3-1-70B-LatencyOptimized',
    'Llama 3.1 70B Latency Optimized',
  ),
  meta('meta.llama3-1-8b-instruct-v1', 'Llama 3.1 8B Instruct', 'Llama3-1-8B', 'Llama 3.1 8B'),
  meta('meta.llama3-2-90b-instruct-v1', 'Llama 3.2 90B Instruct', 'Llama3-2-90B', 'Llama 3.2 90B'),
  meta('meta.llama3-2-11b-instruct-v1', 'Llama 3.2 11B Instruct', 'Llama3-2-11B', 'Llama 3.2 11B'),
  meta('meta.llama3-2-3b-instruct-v1', 'Llama 3.2 3B Instruct', 'Llama3-2-3B', 'Llama 3.2 3B'),
  meta('meta.llama3-2-1b-instruct-v1', 'Llama 3.2 1B Instruct', 'Llama3-2-1B', 'Llama 3.2 1B'),
  meta('meta.llama3-70b-instruct-v1', 'Llama 3 70B Instruct', 'Llama3-70B', 'Llama 3 70B'),
  meta('meta.llama3-8b-instruct-v1', 'Llama 3 8B Instruct', 'Llama3-8B', 'Llama 3 8B'),
  mistral(
    'mistral.mistral-large-2407-v1',
    'Mistral Large 2',
    'MistralLarge2',
    'Mistral Large (24.07)',
  ),
  mistral('mistral.mistral-large-2402-v1', 'Mistral Large (24.02)'),
  mistral('mistral.mistral-small-2402-v1', 'Mistral Small (24.02)', 'Mistral Small'),
  mistral('mistral.mistral-7b-instruct-v0', 'Mistral 7B Instruct', 'Mistral 7B'),
  mistral('mistral.mixtral-8x7b-instruct-v0', 'Mixtral 8x7B Instruct', 'Mixtral 8x7B'),
  mistral('mistral.pixtral-large-2502-v1', 'Pixtral Large (25.02)'),
  entry('deepseek.r1-v1', 'DeepSeek-R1', 'DeepSeek', 'DeepSeekR1', 'R1'),
  entry('deepseek.v3-v1', 'DeepSeek-V3.1', 'DeepSeek', 'DeepSeekV3-1'),
  entry('openai.gpt-oss-120b', 'gpt-oss-120b', 'OpenAI', 'openai.gpt-oss-120b-1'),
  entry('openai.gpt-oss-20b', 'gpt-oss-20b', 'OpenAI', 'openai.gpt-oss-20b-1'),
  entry('openai.gpt-5.6-luna', 'gpt-5.6-luna', 'OpenAI'),
  entry('xai.grok-4.3', 'Grok 4.3', 'xAI'),
  entry('qwen.qwen3-32b', 'Qwen3 32B', 'Qwen', 'Qwen3-32B', 'qwen.qwen3-32b-v1'),
  entry('qwen.qwen3-vl-235b-a22b', 'Qwen3 VL 235B A22B', 'Qwen', 'Qwen3-VL-235B-A22B'),
  entry(
    'qwen.qwen3-235b-a22b-2507',
    'Qwen3 235B A22B 2507',
    'Qwen',
    'qwen.qwen3-235b-a22b-2507-v1',
  ),
  entry('cohere.embed-english-v3', 'Cohere Embed 3 Model - English', 'Cohere', 'Embed English'),
  entry('stability.sd3-5-large-v1', 'Stable Diffusion 3.5 Large', 'Stability AI', 'SD3.5 Large'),
  entry('stability.stable-image-ultra-v1', 'Stable Image Ultra', 'Stability AI'),
  entry('luma.ray-v2', 'Luma Ray2', 'Luma AI', 'Ray-V2', 'Ray v2'),
]

/** A spelling reduced to what lookups compare: lower-case letters and digits. */
export function foldModelName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** Every spelling of every entry (its key and name included), folded. */
export function spellingsOf(model: ModelEntry): string[] {
  return [model.key, model.name, ...model.aliases].map(foldModelName)
}

const BY_SPELLING: ReadonlyMap<string, ModelEntry> = new Map(
  MODEL_CATALOG.flatMap((model) => spellingsOf(model).map((s) => [s, model] as const)),
)

/** The entry a spelling names, or undefined when the catalog does not know it. */
export function findModel(spelling: string | null | undefined): ModelEntry | undefined {
  if (!spelling) return undefined
  const folded = foldModelName(spelling)
  return folded ? BY_SPELLING.get(folded) : undefined
}
