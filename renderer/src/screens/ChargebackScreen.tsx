// Chargeback: decide who pays (mapping rules with live coverage, or quickly by one dimension), how
// shared cost is treated, preview the statements with their reconciliation, and export CSVs.
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import { useEffect, useState } from 'react'
import { useApi } from '../api/ApiProvider.js'
import { useDebouncedRequest } from '../api/use-debounced-request.js'
import { EmptyState } from '../components/EmptyState.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageHeader } from '../components/PageHeader.js'
import { SectionCard } from '../components/SectionCard.js'
import {
  buildChargebackRequest,
  PREVIEW_LINES_PER_STATEMENT,
  type ChargebackSettings,
} from '../model/chargeback-request.js'
import { validateRules } from '../model/rules-editor.js'
import { useSession } from '../state/SessionProvider.js'
import { ExportCard } from './chargeback/ExportCard.js'
import { SettingsCard } from './chargeback/SettingsCard.js'
import { StatementsView } from './chargeback/StatementsView.js'
import { WhoPaysCard } from './chargeback/WhoPaysCard.js'

function blockedReason(settings: ChargebackSettings): string | null {
  if (settings.mode === 'by') return null
  if (settings.rules.length === 0) return 'Add at least one rule, or use “One dimension”.'
  if (validateRules(settings.rules).length > 0) return 'Complete the rules marked in the table.'
  return null
}

export function ChargebackScreen() {
  const api = useApi()
  const { chargeback: settings, setChargeback, state } = useSession()
  const periods = state.dataset?.info.billingPeriods ?? []
  const update = (patch: Partial<ChargebackSettings>) => setChargeback((s) => ({ ...s, ...patch }))

  const blocked = blockedReason(settings)
  const request = blocked ? null : buildChargebackRequest(settings)
  const preview = useDebouncedRequest(
    `preview:${state.generation}`,
    request && { ...request, linesPerStatement: PREVIEW_LINES_PER_STATEMENT },
    400,
    (args) => api.chargeback(args),
  )
  // Kept from the last statements computed, so that fixed percentages can be typed while the
  // request they are part of is still incomplete.
  const [recipients, setRecipients] = useState<string[]>([])
  useEffect(() => {
    if (!preview.data) return
    setRecipients(
      preview.data.statements.filter((s) => s.kind === 'recipient').map((s) => s.recipient),
    )
  }, [preview.data])

  return (
    <>
      <PageHeader
        title="Chargeback"
        subtitle="Decide who pays, how shared cost is spread, and export statements for finance. Everything reconciles to the bill."
      />
      <WhoPaysCard />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(340px, 2fr)' },
          alignItems: 'start',
        }}
      >
        <SectionCard
          title="Statements"
          subheader="Preview of what will be exported"
          busy={preview.loading && Boolean(preview.data)}
        >
          {blocked ? (
            <EmptyState icon={<ReceiptLongOutlined />} title="No statements yet" body={blocked} />
          ) : preview.error ? (
            <ErrorAlert error={preview.error} onRetry={preview.reload} />
          ) : !preview.data ? (
            <Skeleton variant="rounded" height={200} />
          ) : (
            <StatementsView result={preview.data} />
          )}
        </SectionCard>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <SettingsCard
            settings={settings}
            periods={periods}
            recipients={recipients}
            onChange={update}
          />
          <ExportCard request={request} blockedReason={blocked} />
        </Box>
      </Box>
    </>
  )
}
