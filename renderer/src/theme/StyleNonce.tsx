// The CSP style nonce for components that write their own <style> elements outside Emotion
// (the data grid's CSS variables); read once in main.tsx from <meta name="csp-nonce">.
import { createContext, useContext } from 'react'

const StyleNonceContext = createContext<string | undefined>(undefined)

export const StyleNonceProvider = StyleNonceContext.Provider

export function useStyleNonce(): string | undefined {
  return useContext(StyleNonceContext)
}
