// The model an invocation-log or API model id names (USAGE-LOGS.md §1, §6): a base id
// (`anthropic.claude-…-v1:0`), a system inference profile with a geo prefix (`us.`, `global.`, …),
// or either as an ARN. Application inference profiles and provisioned or custom models are opaque
// ARNs: the model is not in them, so they are reported as such, never merged with other unknowns.
import { findModel } from './model-catalog.js'

export type InvocationModel =
  | { kind: 'known'; key: string; name: string; provider: string }
  /** A model id the catalog does not know, without geo prefix and revision. */
  | { kind: 'unknown'; modelId: string }
  /** An ARN whose model cannot be read from it; only a profile → model map could resolve it. */
  | { kind: 'opaque'; resourceType: OpaqueResourceType; arn: string }

export type OpaqueResourceType =
  'application-inference-profile' | 'provisioned-model' | 'custom-model' | 'imported-model'

const OPAQUE: readonly string[] = [
  'application-inference-profile',
  'provisioned-model',
  'custom-model',
  'imported-model',
]

/** ARN resource types whose id is a model id (after a geo prefix for inference profiles). */
const MODEL_ID_RESOURCES = ['foundation-model', 'inference-profile']

/** Geo prefixes of system inference profiles; `us-gov` before `us`. */
const GEO_PREFIX = /^(us-gov|global|apac|us|eu|jp|au|ca)\./

const BEDROCK_ARN = /^arn:[a-z-]+:bedrock:[^:]*:[^:]*:([a-z-]+)\/(.+)$/

export function invocationModel(modelId: string): InvocationModel {
  let id = modelId.trim()
  const arn = BEDROCK_ARN.exec(id)
  if (arn) {
    const [, resourceType, resource] = arn
    if (OPAQUE.includes(resourceType)) {
      return { kind: 'opaque', resourceType: resourceType as OpaqueResourceType, arn: id }
    }
    if (!MODEL_ID_RESOURCES.includes(resourceType)) return { kind: 'unknown', modelId: id }
    id = resource
  }
  // `:0`, and context-window variants such as `:0:128k`, are revisions of one model.
  const base = id.replace(GEO_PREFIX, '').replace(/:.*$/, '')
  const model = findModel(base)
  return model
    ? { kind: 'known', key: model.key, name: model.name, provider: model.provider }
    : { kind: 'unknown', modelId: base }
}

/**
 * How a call was routed, from its model id: `global.` profiles are global cross-Region inference,
 * other geo prefixes geo; a base model id none. Null for an opaque ARN, whose routing is not in it.
 */
export function crossRegionOf(modelId: string): 'none' | 'geo' | 'global' | null {
  let id = modelId.trim()
  const arn = BEDROCK_ARN.exec(id)
  if (arn) {
    if (!MODEL_ID_RESOURCES.includes(arn[1])) return null
    id = arn[2]
  }
  const prefix = GEO_PREFIX.exec(id)?.[1]
  return prefix === 'global' ? 'global' : prefix ? 'geo' : 'none'
}
