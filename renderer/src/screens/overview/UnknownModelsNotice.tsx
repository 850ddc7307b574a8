// A small notice on the Overview when part of the Bedrock cost is on models CUR Lens does not know:
// they are shown under the names they were billed with, each as its own model, never merged with a
// known one; the notice says how much cost that is and which names.
import Alert from '@mui/material/Alert'
import { decimalSign } from '../../../../core/format/decimal.js'
import { useApi } from '../../api/ApiProvider.js'
import { useRequest } from '../../api/use-request.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useSession } from '../../state/SessionProvider.js'

export function UnknownModelsNotice() {
  const api = useApi()
  const formats = useFormats()
  const { state } = useSession()
  const coverage = useRequest(
    state.phase === 'ready' ? `model-coverage:${state.generation}` : null,
    () => api.modelCoverage(),
  ).data
  if (!coverage || decimalSign(coverage.unknownCost) === 0) return null
  return (
    <Alert severity="info" variant="outlined" sx={{ mb: 2 }} data-testid="unknown-models">
      {formats.money.format(coverage.unknownCost)} of the Amazon Bedrock cost (
      {formats.money.format(coverage.bedrockCost)}) is on models CUR Lens does not know:{' '}
      {coverage.unknownModels.join(', ')}. Each is shown under the name it was billed with.
    </Alert>
  )
}
