#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx cur-lens` works right after `npm install`
// (install scripts are off, so nothing is compiled ahead of time).
import { register } from 'tsx/esm/api'

register()
await import('../cli/main.ts')
