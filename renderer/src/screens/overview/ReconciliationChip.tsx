// Whether the open view adds up to the source files' own total, to the cent, with both figures on
// hover so an auditor can see what was compared.
import CheckCircle from '@mui/icons-material/CheckCircle'
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined'
import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import type { SummaryResult } from '../../../../core/api.js'
import { useFormats } from '../../state/FormatProvider.js'

export function ReconciliationChip({
  reconciliation,
}: {
  reconciliation: SummaryResult['reconciliation']
}) {
  const { money } = useFormats()
  const detail = `Source files: ${money.format(reconciliation.sourceUnblended)} · This view: ${money.format(reconciliation.viewUnblended)} (unblended, all periods)`
  return (
    <Tooltip title={detail}>
      <Chip
        size="small"
        color={reconciliation.matches ? 'success' : 'error'}
        variant="outlined"
        icon={reconciliation.matches ? <CheckCircle /> : <ErrorOutline />}
        label={reconciliation.matches ? 'Reconciles to the cent' : 'Does not match the files'}
        // A narrow card wraps the label instead of cutting it short.
        sx={{ mt: 1, height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
        data-testid="reconciliation-status"
        aria-label={`${reconciliation.matches ? 'Reconciles to the cent' : 'Does not match the files'}. ${detail}`}
      />
    </Tooltip>
  )
}
