// Emotion's style cache with the CSP nonce: the shell allows <style> elements only with the nonce
// it injects as <meta name="csp-nonce">, so every style Emotion (MUI) inserts must carry it.
import createCache, { type EmotionCache } from '@emotion/cache'

export function createStyleCache(nonce: string | undefined): EmotionCache {
  return createCache({ key: 'css', nonce, prepend: true })
}
