// Public face of core/chargeback: rule coverage, statements with shared-cost allocation, CSV export.
import type { Basis } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import type {
  ChargebackRequest,
  ChargebackResult,
  ExportRequest,
  ExportResult,
  MappingRules,
  RulesCoverage,
} from './types.js'

export async function checkRules(
  _dataset: Dataset,
  _rules: MappingRules,
  _basis: Basis,
  _period?: string,
): Promise<RulesCoverage> {
  throw new CurLensError('INTERNAL', 'checkRules: not implemented yet')
}

export async function chargeback(
  _dataset: Dataset,
  _request: ChargebackRequest,
): Promise<ChargebackResult> {
  throw new CurLensError('INTERNAL', 'chargeback: not implemented yet')
}

export async function exportChargeback(
  _dataset: Dataset,
  _request: ExportRequest,
): Promise<ExportResult> {
  throw new CurLensError('INTERNAL', 'exportChargeback: not implemented yet')
}
