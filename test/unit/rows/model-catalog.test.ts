import { describe, expect, it } from 'vitest'
import {
  MODEL_CATALOG,
  findModel,
  foldModelName,
  spellingsOf,
} from '../../../core/rows/model-catalog.js'

// Every model part of a usage type in BEDROCK-USAGE-TYPES.md §2 (billing names of shapes A and B,
// model ids of mantle usage types) and the one model named there by marketplace product name, with
// the key each must have. Copied from the document by hand, not from the catalog.
const BILLING_NAMES: [string, string][] = [
  ['Claude4.6Sonnet', 'anthropic.claude-sonnet-4-6'],
  ['Claude4.6Opus', 'anthropic.claude-opus-4-6'],
  ['Claude4.5Haiku', 'anthropic.claude-haiku-4-5'],
  ['Claude4Sonnet', 'anthropic.claude-sonnet-4'],
  ['Claude3-5Haiku', 'anthropic.claude-3-5-haiku'],
  ['NovaLite', 'amazon.nova-lite-v1'],
  ['NovaPro', 'amazon.nova-pro-v1'],
  ['Nova2.0Lite', 'amazon.nova-2-lite-v1'],
  ['Nova2.0Pro', 'amazon.nova-2-pro-v1'],
  ['Nova2.0Omni', 'amazon.nova-2-omni-v1'],
  ['NovaSonic', 'amazon.nova-sonic-v1'],
  ['NovaCanvas', 'amazon.nova-canvas-v1'],
  ['NovaReel', 'amazon.nova-reel-v1'],
  ['gpt-oss-120b', 'openai.gpt-oss-120b'],
  ['Qwen3-32B', 'qwen.qwen3-32b'],
  ['Qwen3-VL-235B-A22B', 'qwen.qwen3-vl-235b-a22b'],
  ['Llama3-1-405B', 'meta.llama3-1-405b-instruct-v1'],
  ['Llama4-Maverick-17B', 'meta.llama4-maverick-17b-instruct-v1'],
  ['TitanEmbeddingV2-Text', 'amazon.titan-embed-text-v2'],
  ['TitanEmbeddingsG1-Text', 'amazon.titan-embed-text-v1'],
  ['TitanEmbeddingsG1-Image', 'amazon.titan-embed-image-v1'],
  ['TitanText-Premier', 'amazon.titan-text-premier-v1'],
  ['Ray-V2', 'luma.ray-v2'],
  ['openai.gpt-oss-120b', 'openai.gpt-oss-120b'],
  ['anthropic.claude-opus-4-8', 'anthropic.claude-opus-4-8'],
  ['anthropic.claude-haiku-4-5', 'anthropic.claude-haiku-4-5'],
  ['anthropic.claude-opus-5-5', 'anthropic.claude-opus-5-5'],
  ['xai.grok-4.3', 'xai.grok-4.3'],
  ['openai.gpt-5.6-luna', 'openai.gpt-5.6-luna'],
  ['qwen.qwen3-32b', 'qwen.qwen3-32b'],
  ['Cohere Embed 3 Model - English', 'cohere.embed-english-v3'],
  // The billing names issue 15 names.
  ['MistralLarge2', 'mistral.mistral-large-2407-v1'],
  ['DeepSeekR1', 'deepseek.r1-v1'],
  ['Llama3.3-70B', 'meta.llama3-3-70b-instruct-v1'],
  ['Llama3-3-70B', 'meta.llama3-3-70b-instruct-v1'],
  ['TitanEmbedV2', 'amazon.titan-embed-text-v2'],
]

// product['model'] spellings: issue 15's (as AWS writes model names since 2026-07-20), the price
// list's `model` values of 2026-07-27 (BEDROCK-USAGE-TYPES.md §6 sources), and marketplace names.
const PRODUCT_MAP_NAMES: [string, string][] = [
  ['Amazon Nova Pro', 'amazon.nova-pro-v1'],
  ['Nova Pro', 'amazon.nova-pro-v1'],
  ['Nova Pro Latency Optimized', 'amazon.nova-pro-v1'],
  ['Nova Lite', 'amazon.nova-lite-v1'],
  ['Nova Micro', 'amazon.nova-micro-v1'],
  ['Nova Premier', 'amazon.nova-premier-v1'],
  ['Nova 2.0 Lite', 'amazon.nova-2-lite-v1'],
  ['Nova 2.0 Pro', 'amazon.nova-2-pro-v1'],
  ['Nova 2.0 Omni', 'amazon.nova-2-omni-v1'],
  ['Nova Sonic 2.0', 'amazon.nova-2-sonic-v1'],
  ['Nova Canvas', 'amazon.nova-canvas-v1'],
  ['Nova Reel', 'amazon.nova-reel-v1'],
  ['Mistral Large 2', 'mistral.mistral-large-2407-v1'],
  ['DeepSeek-R1', 'deepseek.r1-v1'],
  ['R1', 'deepseek.r1-v1'],
  ['DeepSeek V3.1', 'deepseek.v3-v1'],
  ['Llama 3.3 70B Instruct', 'meta.llama3-3-70b-instruct-v1'],
  ['Llama 3.3 70B', 'meta.llama3-3-70b-instruct-v1'],
  ['Llama 3.1 70B Latency Optimized', 'meta.llama3-1-70b-instruct-v1'],
  ['Llama 4 Maverick 17B', 'meta.llama4-maverick-17b-instruct-v1'],
  ['Llama 4 Scout 17B', 'meta.llama4-scout-17b-instruct-v1'],
  ['Amazon Titan Text Embeddings V2', 'amazon.titan-embed-text-v2'],
  ['Claude Sonnet 4.6', 'anthropic.claude-sonnet-4-6'],
  ['Claude Haiku 4.5', 'anthropic.claude-haiku-4-5'],
  ['Claude Sonnet 4.5', 'anthropic.claude-sonnet-4-5'],
  ['Claude Opus 4.7', 'anthropic.claude-opus-4-7'],
  ['Claude 3 Haiku', 'anthropic.claude-3-haiku'],
  ['Claude Instant', 'anthropic.claude-instant-v1'],
  ['Qwen3 32B', 'qwen.qwen3-32b'],
  ['Qwen3 235B A22B 2507', 'qwen.qwen3-235b-a22b-2507'],
  ['Mixtral 8x7B', 'mistral.mixtral-8x7b-instruct-v0'],
  ['Mistral 7B', 'mistral.mistral-7b-instruct-v0'],
  ['Pixtral Large 25.02', 'mistral.pixtral-large-2502-v1'],
  ['gpt-oss-120b', 'openai.gpt-oss-120b'],
  ['gpt-oss-20b', 'openai.gpt-oss-20b'],
  ['xai.grok-4.3', 'xai.grok-4.3'],
]

describe('the model catalog', () => {
  it.each(BILLING_NAMES)('knows the billing name %s as %s', (name, key) => {
    expect(findModel(name)?.key).toBe(key)
  })

  it.each(PRODUCT_MAP_NAMES)('knows the product-map spelling %j as %s', (name, key) => {
    expect(findModel(name)?.key).toBe(key)
  })

  it.each([
    ['NOVAPRO', 'amazon.nova-pro-v1'],
    ['amazon nova pro', 'amazon.nova-pro-v1'],
    ['Amazon_Nova-Pro', 'amazon.nova-pro-v1'],
    ['claude4.6sonnet', 'anthropic.claude-sonnet-4-6'],
    ['CLAUDE SONNET 4.6', 'anthropic.claude-sonnet-4-6'],
    ['mistral large 2', 'mistral.mistral-large-2407-v1'],
    ['deepseek r1', 'deepseek.r1-v1'],
    ['  Llama 3.3 70B instruct ', 'meta.llama3-3-70b-instruct-v1'],
  ])('ignores letter case and punctuation: %j is %s', (name, key) => {
    expect(findModel(name)?.key).toBe(key)
  })

  it('finds every entry by its key and by its name', () => {
    for (const model of MODEL_CATALOG) {
      expect(findModel(model.key)).toBe(model)
      expect(findModel(model.name)).toBe(model)
    }
  })

  it('gives each model one key and one name, and each spelling one model', () => {
    const keys = MODEL_CATALOG.map((m) => m.key)
    const names = MODEL_CATALOG.map((m) => foldModelName(m.name))
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(names).size).toBe(names.length)
    const owner = new Map<string, string>()
    for (const model of MODEL_CATALOG) {
      for (const spelling of spellingsOf(model)) {
        expect(owner.get(spelling) ?? model.key, spelling).toBe(model.key)
        owner.set(spelling, model.key)
      }
    }
  })

  it('keys every model by a Bedrock model id, without its revision', () => {
    for (const { key } of MODEL_CATALOG) expect(key).toMatch(/^[a-z0-9-]+\.[a-z0-9.-]+$/)
  })

  it.each([
    'Claude Sonnet 9',
    'Claude4.9Sonnet',
    'Mistral Large',
    'Claude 2.1',
    'anthropic.claude-v2',
    'Nova',
    '',
    '---',
  ])('does not know %j, and so merges it with nothing', (name) => {
    expect(findModel(name)).toBeUndefined()
  })
})
