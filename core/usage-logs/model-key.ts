// The model key of a logged model id, the same canonical key the CUR side uses (core/rows'
// invocation-model-id): geo prefixes and ARNs removed, revisions dropped. An application inference
// profile resolves only through the user's profile → model map; unresolved, its ARN is its key, so
// it stays visible as itself and is never merged with another model.
import { crossRegionOf, invocationModel } from '../rows/invocation-model-id.js'

export interface LogModel {
  key: string
  crossRegion: 'none' | 'geo' | 'global' | null
}

/** Caches each model id's key: a log names few models in many records. */
export function modelKeys(profiles: Readonly<Record<string, string>> = {}) {
  const cache = new Map<string, LogModel>()
  return (modelId: string): LogModel => {
    let found = cache.get(modelId)
    if (!found) {
      const id = profiles[modelId] ?? modelId
      const model = invocationModel(id)
      const key =
        model.kind === 'known' ? model.key : model.kind === 'unknown' ? model.modelId : model.arn
      found = { key, crossRegion: crossRegionOf(id) }
      cache.set(modelId, found)
    }
    return found
  }
}
