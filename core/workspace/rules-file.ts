// Mapping rules imported and exported on their own, as a JSON file a user can edit and share.
import type { LoadedRules, MappingRules } from '../api.js'
import { assertRules } from '../chargeback/rules.js'
import { parseJsonText, readJsonFile, writeJsonFile } from './json-file.js'
import { assertWorkspace } from './workspace-file.js'

/** The rules in the file, or INVALID_RULES listing every problem with the file named. */
export async function readRulesFile(path: string): Promise<MappingRules> {
  return assertRules(await readJsonFile(path, 'INVALID_RULES'), path)
}

/** The rules of a rules file, or of a workspace file (told apart by its list of sources). */
export async function loadRules(path: string): Promise<LoadedRules> {
  return rulesOf(await readJsonFile(path, 'INVALID_RULES'), path)
}

/** The same from the text of a file the browser uploaded (web mode), named `name` in messages. */
export async function parseRules(text: string, name: string): Promise<LoadedRules> {
  return rulesOf(parseJsonText(text, name, 'INVALID_RULES'), name)
}

function rulesOf(input: unknown, name: string): LoadedRules {
  if (typeof input === 'object' && input !== null && 'sources' in input) {
    const workspace = assertWorkspace(input, name)
    return { rules: workspace.rules ?? { version: 1, rules: [] }, savedFor: workspace.sources }
  }
  return { rules: assertRules(input, name), savedFor: null }
}

/** Checks the rules, then writes them atomically. */
export async function writeRulesFile(path: string, rules: MappingRules): Promise<void> {
  await writeJsonFile(path, assertRules(rules))
}
