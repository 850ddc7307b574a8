// The Explore query controls: up to three groupings, the metric (cost bases, usage, tokens), top N
// and how the chart stacks.
import Add from '@mui/icons-material/Add'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import TextField from '@mui/material/TextField'
import type { Dispatch } from 'react'
import type { Metric, TagKeyInfo } from '../../../../core/api.js'
import { METRICS } from '../../../../core/api-values.js'
import { METRIC_SHORT_LABELS } from '../../../../core/format/metric.js'
import { ChoiceGroup, type Choice } from '../../components/ChoiceGroup.js'
import { dimensionOptionGroups } from '../../model/dimension-options.js'
import {
  effectiveStack,
  MAX_DIMENSIONS,
  MIN_AMOUNT_CHOICES,
  TOP_N_CHOICES,
  type ChartStack,
  type ExploreAction,
  type ExploreState,
} from '../../model/explore-state.js'
import { useFormats } from '../../state/FormatProvider.js'
import { DateRangePicker } from './DateRangePicker.js'
import { DimensionPicker } from './DimensionPicker.js'

const METRIC_CHOICES: Choice<Metric>[] = METRICS.map((value) => ({
  value,
  label: METRIC_SHORT_LABELS[value],
}))

interface ExploreControlsProps {
  state: ExploreState
  dispatch: Dispatch<ExploreAction>
  tagKeys: readonly TagKeyInfo[]
  logTagKeys: readonly string[]
}

export function ExploreControls({ state, dispatch, tagKeys, logTagKeys }: ExploreControlsProps) {
  const groups = dimensionOptionGroups(tagKeys, logTagKeys)
  const metricFormat = useFormats().metric(state.metric)
  const stack = effectiveStack(state)
  const stackChoices: Choice<ChartStack>[] = [
    { value: 'none', label: 'Totals', disabled: false },
    { value: 'dimension', label: 'By 2nd grouping', disabled: state.dimensions.length < 2 },
    { value: 'month', label: 'By month', disabled: state.dimensions.includes('month') },
  ]

  return (
    <Card sx={{ mb: 2 }}>
      <CardContent sx={{ display: 'grid', gap: 2, p: 2.5, '&:last-child': { pb: 2.5 } }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
          {state.dimensions.map((dimension, index) => (
            <DimensionPicker
              key={index}
              index={index}
              value={dimension}
              groups={groups}
              onChange={(next) =>
                dispatch(
                  next === null
                    ? { type: 'removeDimension', index }
                    : { type: 'setDimension', index, dimension: next },
                )
              }
            />
          ))}
          {state.dimensions.length < MAX_DIMENSIONS && (
            <Button
              startIcon={<Add />}
              onClick={() => {
                const used = new Set(state.dimensions)
                const next = groups.flatMap((g) => g.options).find((o) => !used.has(o.value))
                if (next)
                  dispatch({
                    type: 'setDimension',
                    index: state.dimensions.length,
                    dimension: next.value,
                  })
              }}
              data-testid="explore-add-dimension"
            >
              Add grouping
            </Button>
          )}
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          <ChoiceGroup
            id="metric-label"
            label="Measure"
            value={state.metric}
            choices={METRIC_CHOICES}
            onChange={(metric) => dispatch({ type: 'setMetric', metric })}
            testId="explore-metric"
          />
          <ChoiceGroup
            id="stack-label"
            label="Chart"
            value={stack}
            choices={stackChoices}
            onChange={(next) => dispatch({ type: 'setStack', stack: next })}
          />
          <TextField
            select
            size="small"
            label="Show"
            value={state.topN === null ? 'all' : String(state.topN)}
            onChange={(e) =>
              dispatch({
                type: 'setTopN',
                topN: e.target.value === 'all' ? null : Number(e.target.value),
              })
            }
            sx={{ minWidth: 130, alignSelf: 'flex-end' }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'explore-top-n' },
            }}
          >
            {TOP_N_CHOICES.map((n) => (
              <option key={n} value={n}>
                Top {n}
              </option>
            ))}
            <option value="all">All groups</option>
          </TextField>
          <TextField
            select
            size="small"
            label="Small groups"
            value={state.minAmount ?? 'none'}
            onChange={(e) =>
              dispatch({
                type: 'setMinAmount',
                minAmount: e.target.value === 'none' ? null : e.target.value,
              })
            }
            sx={{ minWidth: 170, alignSelf: 'flex-end' }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'explore-min-amount' },
            }}
          >
            <option value="none">Show every group</option>
            {MIN_AMOUNT_CHOICES.map((amount) => (
              <option key={amount} value={amount}>
                Hide under {metricFormat.format(amount)}
              </option>
            ))}
          </TextField>
          <DateRangePicker
            value={state.dateRange}
            onChange={(range) => dispatch({ type: 'setDateRange', range })}
          />
        </Box>
      </CardContent>
    </Card>
  )
}
