// A card with the top groups of one dimension (services, principals, models); a row opens the
// group in Explore, "See all" opens the dimension.
import ArrowForward from '@mui/icons-material/ArrowForward'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import type { BreakdownQuery, Dimension, GroupValue } from '../../../../core/api.js'
import { displayShare } from '../../../../core/format/decimal.js'
import { EmptyState } from '../../components/EmptyState.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { RankedList, type RankedItem } from '../../components/RankedList.js'
import { SectionCard } from '../../components/SectionCard.js'
import { OTHER_LABEL } from '../../model/dimensions.js'
import { groupId, decodeGroupId } from '../../model/group-id.js'
import { otherLast } from '../../model/table-rows.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useBreakdown } from '../../state/use-queries.js'

interface TopGroupsCardProps {
  title: string
  subheader: string
  query: BreakdownQuery | null
  dimension: Dimension
  emptyText?: string
  /** Shown instead of a list whose only group is the null one (e.g. no principal anywhere). */
  nullOnlyText?: string
  onSelect(value: GroupValue): void
  onMore(): void
  testId?: string
}

export function TopGroupsCard(props: TopGroupsCardProps) {
  const formats = useFormats()
  const result = useBreakdown(props.query)
  const data = result.data
  const nullOnly =
    Boolean(props.nullOnlyText) &&
    data !== undefined &&
    data.rows.length > 0 &&
    data.rows.every((row) => !row.other && row.keys[0] === null)

  const items: RankedItem[] = (data ? otherLast(data.rows) : []).map((row) => {
    const value = row.keys[0] ?? null
    const label = row.other ? OTHER_LABEL : formats.group(props.dimension, value, { short: true })
    return {
      id: groupId(value, Boolean(row.other)),
      label,
      title: !row.other && value !== null && label !== value ? value : undefined,
      amount: formats.money.format(row.value),
      share: data ? displayShare(row.value, data.total) : null,
      muted: Boolean(row.other) || value === null,
    }
  })

  return (
    <SectionCard
      title={props.title}
      subheader={props.subheader}
      busy={result.loading && Boolean(data)}
      data-testid={props.testId}
      action={
        props.query && (
          <Button size="small" endIcon={<ArrowForward />} onClick={props.onMore}>
            See all
          </Button>
        )
      }
    >
      {props.emptyText || nullOnly ? (
        <EmptyState
          title="Not available for this export"
          body={props.emptyText ?? props.nullOnlyText}
        />
      ) : result.error ? (
        <ErrorAlert error={result.error} onRetry={result.reload} />
      ) : !data ? (
        <Stack spacing={1.5}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} variant="rounded" height={28} />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          title="No cost here"
          body="Nothing was billed for this selection in the period."
        />
      ) : (
        <RankedList
          items={items}
          locale={formats.locale}
          onSelect={(item) => {
            const decoded = decodeGroupId(item.id)
            if (decoded.kind === 'value') props.onSelect(decoded.value)
            else props.onMore()
          }}
        />
      )}
    </SectionCard>
  )
}
