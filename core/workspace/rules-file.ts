// Mapping rules imported and exported on their own, as a JSON file a user can edit and share.
import { assertRules } from '../chargeback/rules.js'
import type { MappingRules } from '../chargeback/types.js'
import { readJsonFile, writeJsonFile } from './json-file.js'

/** The rules in the file, or INVALID_RULES listing every problem with the file named. */
export async function readRulesFile(path: string): Promise<MappingRules> {
  return assertRules(await readJsonFile(path, 'INVALID_RULES'), path)
}

/** Checks the rules, then writes them atomically. */
export async function writeRulesFile(path: string, rules: MappingRules): Promise<void> {
  await writeJsonFile(path, assertRules(rules))
}
