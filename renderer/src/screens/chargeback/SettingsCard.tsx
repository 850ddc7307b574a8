// How the chargeback is computed: cost basis, who each statement line names (the principal's ARN
// or a roll-up of it), period, and for each bucket of shared cost whether it stays its own line or
// is spread over the recipients (proportionally, evenly or by fixed percentages, which start as an
// even split of the recipients last computed).
import Box from '@mui/material/Box'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { Basis, LineDetail, SharedBucket } from '../../../../core/api.js'
import { LINE_DETAILS, SHARED_BUCKETS } from '../../../../core/api-values.js'
import { ChoiceGroup, type Choice } from '../../components/ChoiceGroup.js'
import { PeriodSelect } from '../../components/PeriodSelect.js'
import { SectionCard } from '../../components/SectionCard.js'
import {
  evenPercentages,
  LINE_DETAIL_LABELS,
  parseRoleList,
  SHARED_BUCKET_LABELS,
  TREATMENT_LABELS,
  type ChargebackSettings,
  type TreatmentChoice,
} from '../../model/chargeback-request.js'
import { FixedPercentages } from './FixedPercentages.js'

interface SettingsCardProps {
  settings: ChargebackSettings
  periods: string[]
  /** The recipients of the last statements computed: who can take a fixed percentage. */
  recipients: string[]
  onChange(patch: Partial<ChargebackSettings>): void
}

const BASES: Choice<Basis>[] = [
  { value: 'amortized', label: 'Amortized' },
  { value: 'unblended', label: 'Unblended' },
  { value: 'net', label: 'Net unblended' },
]

const LINE_DETAIL_CHOICES: Choice<LineDetail>[] = LINE_DETAILS.map((value) => ({
  value,
  label: LINE_DETAIL_LABELS[value].choice,
}))

const BUCKET_HINTS: Record<SharedBucket, string> = {
  unmatched: 'Cost no rule or value places',
  'shared-roles': 'Roles that serve many people, e.g. a gateway',
  tax: 'Tax line items',
  fees: 'Support and other fees',
  credits: 'Credits and refunds (negative)',
}

export function SettingsCard({ settings, periods, recipients, onChange }: SettingsCardProps) {
  const [rolesText, setRolesText] = useState(settings.sharedRoles.join(', '))
  const choose = (bucket: SharedBucket, method: TreatmentChoice) => {
    const shared = { ...settings.shared, [bucket]: method }
    if (method !== 'fixed' || settings.fixed[bucket]) onChange({ shared })
    else onChange({ shared, fixed: { ...settings.fixed, [bucket]: evenPercentages(recipients) } })
  }

  return (
    <SectionCard title="Basis and shared cost" subheader="Printed with the statements">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 3 }}>
        <ChoiceGroup
          id="basis-label"
          label="Cost basis"
          value={settings.basis}
          choices={BASES}
          onChange={(basis) => onChange({ basis })}
        />
        <ChoiceGroup
          id="line-detail-label"
          label="Principal on each line"
          value={settings.lineDetail}
          choices={LINE_DETAIL_CHOICES}
          onChange={(lineDetail) => onChange({ lineDetail })}
          testId="line-detail"
        />
        <PeriodSelect
          periods={periods}
          value={settings.period}
          onChange={(period) => onChange({ period })}
          testId="chargeback-period"
          sx={{ minWidth: 170, alignSelf: 'flex-end' }}
        />
      </Box>
      <Box sx={{ display: 'grid', gap: 1.5 }} role="group" aria-label="Shared cost treatment">
        {SHARED_BUCKETS.map((bucket) => (
          <Box
            key={bucket}
            sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}
            data-testid={`bucket-${bucket}`}
          >
            <Box sx={{ flex: 1, minWidth: 180 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }} id={`bucket-${bucket}`}>
                {SHARED_BUCKET_LABELS[bucket]}
              </Typography>
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {BUCKET_HINTS[bucket]}
              </Typography>
            </Box>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={settings.shared[bucket]}
              onChange={(_, method: TreatmentChoice | null) => method && choose(bucket, method)}
              aria-labelledby={`bucket-${bucket}`}
            >
              {(Object.keys(TREATMENT_LABELS) as TreatmentChoice[]).map((method) => (
                <ToggleButton
                  key={method}
                  value={method}
                  disabled={method === 'fixed' && recipients.length === 0}
                >
                  {TREATMENT_LABELS[method]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {settings.shared[bucket] === 'fixed' && (
              <Box sx={{ flexBasis: '100%' }}>
                <FixedPercentages
                  bucketLabel={SHARED_BUCKET_LABELS[bucket]}
                  recipients={recipients}
                  percentages={settings.fixed[bucket] ?? {}}
                  onChange={(percentages) =>
                    onChange({ fixed: { ...settings.fixed, [bucket]: percentages } })
                  }
                />
              </Box>
            )}
          </Box>
        ))}
      </Box>
      <TextField
        size="small"
        fullWidth
        label="Shared roles"
        placeholder="e.g. llm-gateway-role"
        helperText="Role names whose cost is shared, separated by commas"
        value={rolesText}
        onChange={(e) => setRolesText(e.target.value)}
        onBlur={() => onChange({ sharedRoles: parseRoleList(rolesText) })}
        sx={{ mt: 3 }}
      />
    </SectionCard>
  )
}
