// Ids the renderer chooses itself: load job ids (to cancel and to match progress) and rule ids.
export function newId(): string {
  const uuid = globalThis.crypto?.randomUUID?.()
  if (uuid) return uuid
  return `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
