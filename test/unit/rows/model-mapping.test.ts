import { describe, expect, it } from 'vitest'
import { classifyBedrockLine } from '../../../core/rows/bedrock-classifier.js'
import { mapModel, type BedrockLine } from '../../../core/rows/model-mapping.js'
import { splitRegionPrefix } from '../../../core/rows/region-codes.js'
import { classifyTokens, tokenScale } from '../../../core/rows/token-type.js'

function line(fields: Partial<BedrockLine>): BedrockLine {
  return {
    productCode: 'AmazonBedrock',
    productName: 'Amazon Bedrock',
    usageType: null,
    pricingUnit: '1K tokens',
    productProvider: null,
    productModel: null,
    productInferenceType: null,
    ...fields,
  }
}

describe('model mapping', () => {
  it.each([
    [
      'AmazonBedrockService',
      'USE1-Claude4.6Sonnet-input-tokens',
      'anthropic.claude-sonnet-4-6',
      'Claude Sonnet 4.6',
      'Anthropic',
    ],
    [
      'AmazonBedrockService',
      'USE1-Claude4.6Opus-input-tokens-cross-region-global',
      'anthropic.claude-opus-4-6',
      'Claude Opus 4.6',
      'Anthropic',
    ],
    [
      'AmazonBedrock',
      'USE1-Claude3-5Haiku-input-tokens-latency-optimized',
      'anthropic.claude-3-5-haiku',
      'Claude 3.5 Haiku',
      'Anthropic',
    ],
    [
      'AmazonBedrock',
      'USE1-Claude4Sonnet-output-tokens-long-context-cross-region-global',
      'anthropic.claude-sonnet-4',
      'Claude Sonnet 4',
      'Anthropic',
    ],
    [
      'AmazonBedrock',
      'USE1-NovaPro-input-tokens',
      'amazon.nova-pro-v1',
      'Amazon Nova Pro',
      'Amazon',
    ],
    [
      'AmazonBedrock',
      'USE1-NovaLite-output-tokens',
      'amazon.nova-lite-v1',
      'Amazon Nova Lite',
      'Amazon',
    ],
    [
      'AmazonBedrock',
      'USE1-Nova2.0Pro-text-input-tokens-priority-cross-region-global',
      'amazon.nova-2-pro-v1',
      'Amazon Nova 2 Pro',
      'Amazon',
    ],
    [
      'AmazonBedrock',
      'USE1-Llama4-Maverick-17B-input-tokens',
      'meta.llama4-maverick-17b-instruct-v1',
      'Llama 4 Maverick 17B Instruct',
      'Meta',
    ],
    [
      'AmazonBedrock',
      'USE1-Llama3-1-405B-output-tokens-batch',
      'meta.llama3-1-405b-instruct-v1',
      'Llama 3.1 405B Instruct',
      'Meta',
    ],
    [
      'AmazonBedrock',
      'USE1-Qwen3-VL-235B-A22B-input-tokens',
      'qwen.qwen3-vl-235b-a22b',
      'Qwen3 VL 235B A22B',
      'Qwen',
    ],
    [
      'AmazonBedrock',
      'USE1-gpt-oss-120b-output-tokens-priority',
      'openai.gpt-oss-120b',
      'gpt-oss-120b',
      'OpenAI',
    ],
    [
      'AmazonBedrock',
      'USE1-TitanEmbeddingV2-Text-input-tokens',
      'amazon.titan-embed-text-v2',
      'Amazon Titan Text Embeddings V2',
      'Amazon',
    ],
    [
      'AmazonBedrock',
      'USE1-NovaCanvas-T2I-1024-Premium',
      'amazon.nova-canvas-v1',
      'Amazon Nova Canvas',
      'Amazon',
    ],
    [
      'AmazonBedrock',
      'USE1-openai.gpt-oss-120b-mantle-input-tokens-standard',
      'openai.gpt-oss-120b',
      'gpt-oss-120b',
      'OpenAI',
    ],
    [
      'AmazonBedrockService',
      'USW2-anthropic.claude-opus-4-8-mantle-cache-write-tokens-global-standard',
      'anthropic.claude-opus-4-8',
      'Claude Opus 4.8',
      'Anthropic',
    ],
    [
      'AmazonBedrock',
      'USE1-xai.grok-4.3-mantle-cache-read-tokens-standard',
      'xai.grok-4.3',
      'Grok 4.3',
      'xAI',
    ],
    [
      'AmazonBedrock',
      'EU-Nova2.0Lite-input-tokens',
      'amazon.nova-2-lite-v1',
      'Amazon Nova 2 Lite',
      'Amazon',
    ],
  ])('reads %s %s as %s (%s by %s)', (productCode, usageType, key, model, provider) => {
    expect(mapModel(line({ productCode, usageType }))).toMatchObject({ key, model, provider })
  })

  it('keeps a model id the catalog does not know as billed, with its vendor and no key', () => {
    expect(
      mapModel(
        line({
          productCode: 'AmazonBedrock',
          usageType: 'USE1-cohere.rerank-english-v3-search-units',
        }),
      ),
    ).toEqual({
      key: null,
      model: 'cohere.rerank-english-v3',
      provider: 'Cohere',
      rule: 'usage-type-model-id',
    })
  })

  it('finds a marketplace model only in the product name', () => {
    const found = mapModel(
      line({
        productCode: '7zgyu5r4abcdexample',
        productName: 'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
        usageType: 'USE1-MP:USE1_InputTokenCount-Units',
        pricingUnit: 'Units',
      }),
    )
    expect(found).toEqual({
      key: 'anthropic.claude-sonnet-4-6',
      model: 'Claude Sonnet 4.6',
      provider: 'Anthropic',
      rule: 'marketplace-product-name',
    })
  })

  it('gives a marketplace tax line, which has no usage type, no model', () => {
    const tax = line({
      productCode: 'x',
      productName: 'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
      usageType: null,
      pricingUnit: null,
    })
    expect(mapModel(tax)).toBeNull()
  })

  it('prefers the product map fields over everything else', () => {
    const found = mapModel(
      line({
        productCode: 'AmazonBedrockService',
        usageType: 'USE1-Claude4.6Sonnet-output-tokens',
        productModel: 'Claude Sonnet 4.6',
        productProvider: 'Anthropic',
      }),
    )
    expect(found).toEqual({
      key: 'anthropic.claude-sonnet-4-6',
      model: 'Claude Sonnet 4.6',
      provider: 'Anthropic',
      rule: 'product-attributes',
    })
  })

  it('names the same model the same way in the three shapes that bill Claude', () => {
    const names = [
      mapModel(
        line({
          productCode: 'AmazonBedrockService',
          usageType: 'USE1-Claude4.6Sonnet-input-tokens',
        }),
      ),
      mapModel(
        line({
          productCode: 'x',
          productName: 'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
          usageType: 'USE1-MP:USE1_InputTokenCount-Units',
        }),
      ),
      mapModel(line({ productModel: 'Claude Sonnet 4.6', productProvider: 'Anthropic' })),
    ].map((m) => m?.model)
    expect(new Set(names)).toEqual(new Set(['Claude Sonnet 4.6']))
  })

  it.each([
    ['USE1-Guardrail-AutomatedReasoningPolicyUnitsConsumed', 'AmazonBedrock'],
    ['USE1-DataAutomation-Standard-ImagesProcessed', 'AmazonBedrock'],
    ['USE1-OSS-CustomModelImport-Inference-v1:0', 'AmazonBedrock'],
    ['USE1-AgentCore-Runtime-vCPU-Hours', 'AmazonBedrockAgentCore'],
    ['USE1-MP:USE1_InputTokenCount-Units', 'AmazonBedrock'],
    ['', 'AmazonBedrock'],
    ['garbage', 'AmazonBedrock'],
  ])('leaves %j (%s) without a model', (usageType, productCode) => {
    expect(mapModel(line({ productCode, usageType }))).toBeNull()
  })

  it.each([
    ['AmazonBedrock', 'USE1-NovaPro-input-tokens', 'Amazon Nova Pro'],
    ['AmazonBedrock', 'USE1-MistralLarge2-output-tokens', 'Mistral Large 2'],
    ['AmazonBedrock', 'USW2-DeepSeekR1-input-tokens', 'DeepSeek-R1'],
    ['AmazonBedrock', 'USE1-Llama3-3-70B-input-tokens', 'Llama 3.3 70B Instruct'],
    ['AmazonBedrock', 'USE1-TitanEmbeddingV2-Text-input-tokens', 'Amazon Titan Text Embeddings V2'],
    ['AmazonBedrock', 'USE1-Llama4-Maverick-17B-input-tokens', 'Llama 4 Maverick 17B'],
    ['AmazonBedrock', 'USE1-xai.grok-4.3-mantle-input-tokens-standard', 'xai.grok-4.3'],
  ])(
    'gives %s %s the same key before 2026-07-20 (billing name) and after (%j in the product map)',
    (productCode, usageType, productModel) => {
      const before = mapModel(line({ productCode, usageType }))
      const after = mapModel(line({ productCode, usageType, productModel }))
      expect(after?.rule).toBe('product-attributes')
      expect(before?.key).toBeTruthy()
      expect(after).toMatchObject({ key: before?.key, model: before?.model })
    },
  )

  it('falls back to the billing name when the product map names a model the catalog does not know', () => {
    expect(
      mapModel(line({ usageType: 'USE1-NovaPro-input-tokens', productModel: 'Nova Pro Ultra X' })),
    ).toMatchObject({
      key: 'amazon.nova-pro-v1',
      model: 'Amazon Nova Pro',
      rule: 'usage-type-billing-name',
    })
  })

  it("keeps the first source's raw name, unmerged, when no source names a known model", () => {
    expect(
      mapModel(
        line({
          usageType: 'USE1-Claude9Sonnet-input-tokens',
          productModel: 'Claude Sonnet 9',
          productProvider: 'Anthropic',
        }),
      ),
    ).toEqual({
      key: null,
      model: 'Claude Sonnet 9',
      provider: 'Anthropic',
      rule: 'product-attributes',
    })
    expect(mapModel(line({ usageType: 'USE1-Claude9Sonnet-input-tokens' }))).toEqual({
      key: null,
      model: 'Claude9Sonnet',
      provider: 'Anthropic',
      rule: 'usage-type-billing-name',
    })
  })

  it("reads the product map's model in any letter case", () => {
    expect(mapModel(line({ productModel: 'AMAZON NOVA PRO' }))).toMatchObject({
      key: 'amazon.nova-pro-v1',
      model: 'Amazon Nova Pro',
    })
  })

  it('takes an Amazon model without provider from the product map as Amazon', () => {
    expect(mapModel(line({ productModel: 'Nova Pro', productProvider: '' }))?.provider).toBe(
      'Amazon',
    )
  })
})

describe('token type', () => {
  it.each([
    ['USE1-Claude4.6Sonnet-cache-read-input-token-count', 'cache-read'],
    ['USE1-Claude4.6Sonnet-cache-write-input-token-count', 'cache-write'],
    ['USW2-Claude4.5Haiku-cache-read-input-token-count-cross-region-global', 'cache-read'],
    ['USE1-MP:USE1_CacheReadInputTokenCount-Units', 'cache-read'],
    ['USE1-MP:USE1_CacheWriteInputTokenCount-Units', 'cache-write'],
    ['USE1-MP:USE1_CacheWrite1hInputTokenCount-Units', 'cache-write'],
    ['USE1-MP:USE1_cache_read_tokens_standard-Units', 'cache-read'],
    ['USE1-MP:USE1_cache_write_tokens_1h_global_standard-Units', 'cache-write'],
    ['USW2-anthropic.claude-opus-4-8-mantle-cache-write-tokens-global-standard', 'cache-write'],
    ['USE1-anthropic.claude-haiku-4-5-mantle-cache-write-tokens-1h-standard', 'cache-write'],
    ['USE1-xai.grok-4.3-mantle-cache-read-tokens-standard', 'cache-read'],
    ['USE1-Claude4.6Sonnet-input-tokens', 'input'],
    ['USE1-MP:USE1_InputTokenCount-Units', 'input'],
    ['USE1-MP:USE1_InputTokenCount_Global-Units', 'input'],
    ['USE1-MP:USE1_MillionBatchInputTokens-Units', 'input'],
    ['USE1-MP:USE1_input_tokens_global_standard-Units', 'input'],
    ['USE1-Nova2.0Omni-input-audio-token-count', 'input'],
    ['USE1-NovaSonic-speech-input-tokens', 'input'],
    ['USE1-NovaLite-output-tokens', 'output'],
    ['USE1-MP:USE1_OutputTokenCount-Units', 'output'],
    ['USE1-Nova2.0Lite-output-tokens-flex-cross-region-global', 'output'],
  ])('classifies %s as %s', (usageType, tokenType) => {
    expect(classifyTokens(usageType, null, '1K tokens').tokenType).toBe(tokenType)
  })

  it.each([
    ['USE1-anthropic.claude-opus-5-5-reserved-1-month-input-tokens-per-minute', '1K TPM Hour'],
    ['USE1-MP:USE1_Reserved_1Month_InputTPM_Global-Units', '1M TPM Hour'],
    ['USE1-Nova2.0Lite-ProvisionedThroughput-NoCommit-ModelUnits', 'hour'],
    ['USE1-NovaCanvas-T2I-1024-Premium', 'image'],
    ['USE1-MP:USE1_created_image-Units', 'Units'],
    ['USE1-Guardrail-ContentPolicyImageUnitsConsumed', 'Requests'],
  ])('classifies %s (%s) as other, with no tokens', (usageType, unit) => {
    expect(classifyTokens(usageType, null, unit)).toEqual({
      tokenType: 'other',
      scale: null,
      assumedUnit: null,
    })
  })

  it('falls back to the product inference type when the usage type names no class', () => {
    expect(
      classifyTokens('USE1-SomeNewMeter', 'Cache read input tokens', '1K tokens').tokenType,
    ).toBe('cache-read')
    expect(classifyTokens('USE1-SomeNewMeter', 'Output tokens', '1K tokens').tokenType).toBe(
      'output',
    )
  })

  it('leaves a token-priced row that names no class unknown', () => {
    expect(classifyTokens('USE1-SomeNewMeter', null, '1K tokens')).toEqual({
      tokenType: null,
      scale: null,
      assumedUnit: null,
    })
  })
})

describe('tokens of a row without a pricing unit', () => {
  it('assumes 1K tokens for a first-party usage type that names tokens, and says so', () => {
    expect(classifyTokens('USE1-NovaPro-input-tokens', null, '')).toEqual({
      tokenType: 'input',
      scale: 1_000,
      assumedUnit: '1K tokens',
    })
    expect(classifyTokens('USE1-NovaPro-output-tokens', null, null)).toMatchObject({
      scale: 1_000,
      assumedUnit: '1K tokens',
    })
  })

  it('assumes millions (Units) for a marketplace usage type', () => {
    expect(classifyTokens('USE1-MP:USE1_InputTokenCount-Units', null, ' ')).toEqual({
      tokenType: 'input',
      scale: 1_000_000,
      assumedUnit: 'Units',
    })
  })

  it('assumes nothing when only the inference type names tokens, or the row states its unit', () => {
    expect(classifyTokens('USE1-SomeNewMeter', 'Input tokens', '')).toEqual({
      tokenType: 'input',
      scale: null,
      assumedUnit: null,
    })
    expect(classifyTokens('USE1-NovaPro-input-tokens', null, '1K tokens').assumedUnit).toBeNull()
  })
})

describe('token type in any letter case', () => {
  it.each([
    ['USE1-NOVAPRO-INPUT-TOKENS', null, 'input'],
    ['USE1-MP:USE1_CACHE_READ_INPUT_TOKEN_COUNT-Units', null, 'cache-read'],
    ['USE1-SomeNewMeter', 'CACHE WRITE INPUT TOKENS', 'cache-write'],
    ['USE1-SomeNewMeter', 'output TOKENS', 'output'],
  ])('classifies %s / %s as %s', (usageType, inferenceType, tokenType) => {
    expect(classifyTokens(usageType, inferenceType, '1K tokens').tokenType).toBe(tokenType)
  })
})

describe('token scale', () => {
  it('multiplies 1K tokens by a thousand, 1M tokens and marketplace Units by a million', () => {
    expect(tokenScale('1K tokens')).toBe(1_000)
    expect(tokenScale('1M tokens')).toBe(1_000_000)
    expect(tokenScale('Units')).toBe(1_000_000)
    expect(tokenScale('Hrs')).toBeNull()
    expect(tokenScale(null)).toBeNull()
  })

  it('gives 2.5 (thousands) of input tokens as 2,500 tokens, not 2.5', () => {
    const c = classifyBedrockLine(
      line({ usageType: 'USE1-NovaPro-input-tokens', pricingUnit: '1K tokens' }),
    )
    expect(2.5 * (c.tokenScale ?? 0)).toBe(2_500)
  })
})

describe('region prefix', () => {
  it.each([
    ['USE1-NovaPro-input-tokens', 'us-east-1'],
    ['EU-Nova2.0Lite-input-tokens', 'eu-west-1'],
    ['APS3-NovaPro-input-tokens', 'ap-south-1'],
    ['APS5-NovaPro-input-tokens', 'ap-south-2'],
    ['APE1-NovaPro-input-tokens', 'ap-east-1'],
    ['UGW1-NovaPro-input-tokens', 'us-gov-west-1'],
  ])('reads %s as %s', (usageType, region) => {
    expect(splitRegionPrefix(usageType).region).toBe(region)
  })

  it('keeps an unknown prefix unknown instead of defaulting it', () => {
    expect(splitRegionPrefix('ZZZ9-NovaPro-input-tokens')).toEqual({
      code: 'ZZZ9',
      region: null,
      rest: 'NovaPro-input-tokens',
    })
    expect(
      classifyBedrockLine(line({ usageType: 'ZZZ9-NovaPro-input-tokens' })).usageRegion,
    ).toBeNull()
  })

  it('does not mistake a model name for a prefix', () => {
    expect(splitRegionPrefix('AmazonRerank-v1-searchunits').code).toBeNull()
  })
})

describe('classifyBedrockLine', () => {
  it('reads a marketplace cache-read row: model from the name, cache before input, Units in millions', () => {
    expect(
      classifyBedrockLine(
        line({
          productCode: '7zgyu5r4abcdexample',
          productName: 'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
          usageType: 'EU-MP:EU_CacheReadInputTokenCount-Units',
          pricingUnit: 'Units',
        }),
      ),
    ).toEqual({
      modelKey: 'anthropic.claude-sonnet-4-6',
      model: 'Claude Sonnet 4.6',
      provider: 'Anthropic',
      modelRule: 'marketplace-product-name',
      tokenType: 'cache-read',
      tokenScale: 1_000_000,
      assumedUnit: null,
      usageRegion: 'eu-west-1',
    })
  })

  it('keeps the product provider when no rule names the model', () => {
    const c = classifyBedrockLine(
      line({
        productCode: 'AmazonBedrockAgentCore',
        usageType: 'USE1-AgentCore-Runtime',
        pricingUnit: 'hour',
        productProvider: 'Amazon',
      }),
    )
    expect(c).toMatchObject({ model: null, provider: 'Amazon', tokenType: 'other' })
  })
})
