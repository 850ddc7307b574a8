// Tags: every tag key in the report by source, with how much of the cost carries it. The untagged
// share is what a chargeback by that key cannot place; a key opens Explore grouped by it.
import ArrowForward from '@mui/icons-material/ArrowForward'
import SellOutlined from '@mui/icons-material/SellOutlined'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { TAG_SOURCES } from '../../../core/api-values.js'
import type { TagKeyInfo } from '../../../core/api.js'
import { formatPercent } from '../../../core/format/number.js'
import { EmptyState } from '../components/EmptyState.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageHeader } from '../components/PageHeader.js'
import { SectionCard } from '../components/SectionCard.js'
import { TAG_SOURCE_LABELS, tagDimension } from '../model/dimensions.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'

const SOURCE_ORDER: TagKeyInfo['source'][] = [...TAG_SOURCES, 'other']

const SOURCE_HINTS: Record<TagKeyInfo['source'], string> = {
  iamPrincipal: 'Tags on the IAM user or role, and session tags, of whoever made the call',
  resourceTags: 'Cost allocation tags on the resources',
  accountTag: 'Tags on the AWS account',
  userAttribute: 'Attributes of the Identity Center user',
  costCategory: 'Cost categories defined in Billing',
  other: 'Other keys',
}

export function TagsScreen() {
  const { tagKeys, actions } = useSession()
  const formats = useFormats()
  const data = tagKeys.data
  const bySource = SOURCE_ORDER.map((source) => ({
    source,
    // The engine lists the keys by source, then by share, widest first.
    keys: (data?.keys ?? []).filter((k) => k.source === source),
  })).filter((group) => group.keys.length > 0)

  return (
    <>
      <PageHeader
        title="Tags"
        subtitle={
          data
            ? `${data.keys.length} tag keys over ${formats.money.format(data.totalCost)} of unblended cost. The untagged part of a key is cost a chargeback by that key cannot place.`
            : 'Tag keys in this report and how much of the cost carries each.'
        }
      />
      {tagKeys.error && (
        <ErrorAlert error={tagKeys.error} onRetry={tagKeys.reload} sx={{ mb: 2 }} />
      )}
      {!data && !tagKeys.error && (
        <Stack spacing={2}>
          <Skeleton variant="rounded" height={160} />
          <Skeleton variant="rounded" height={160} />
        </Stack>
      )}
      {data && data.keys.length === 0 && (
        <SectionCard title="No tags">
          <EmptyState
            icon={<SellOutlined />}
            title="This report has no tags"
            body="Activate cost allocation tags in the Billing console (and principal tags for Bedrock callers). Tags are not backfilled, so use mapping rules on the Chargeback screen for past months."
          />
        </SectionCard>
      )}
      <Stack spacing={2}>
        {bySource.map((group) => (
          <SectionCard
            key={group.source}
            title={TAG_SOURCE_LABELS[group.source]}
            subheader={SOURCE_HINTS[group.source]}
            busy={tagKeys.loading}
            contentSx={{ pt: 1 }}
          >
            <List disablePadding data-testid={`tag-source-${group.source}`}>
              {group.keys.map((key) => (
                <TagKeyRow
                  key={key.key}
                  info={key}
                  locale={formats.locale}
                  covered={formats.money.format(key.coveredCost)}
                  onOpen={() => actions.exploreBy(tagDimension(key.key))}
                />
              ))}
            </List>
          </SectionCard>
        ))}
      </Stack>
    </>
  )
}

function TagKeyRow(props: { info: TagKeyInfo; locale: string; covered: string; onOpen(): void }) {
  const { info, locale } = props
  const share = Math.min(1, Math.max(0, info.share))
  const untagged = 1 - share
  const warn = untagged >= 0.2
  return (
    <ListItemButton
      onClick={props.onOpen}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'minmax(180px, 1fr) 2fr auto' },
        gap: 2,
        alignItems: 'center',
        py: 1.25,
      }}
      data-testid="tag-key-row"
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="subtitle2" noWrap>
          {info.label}
        </Typography>
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary' }}
          noWrap
          component="p"
          title={info.key}
        >
          {info.key}
        </Typography>
      </Box>
      <Box>
        <Box
          sx={{
            display: 'flex',
            height: 10,
            borderRadius: 5,
            overflow: 'hidden',
            bgcolor: 'action.hover',
          }}
          role="img"
          aria-label={`${formatPercent(share, locale)} of cost tagged`}
        >
          <Box sx={{ bgcolor: 'secondary.main' }} style={{ width: `${share * 100}%` }} />
          <Box
            sx={{ bgcolor: warn ? 'warning.main' : 'action.disabled', opacity: warn ? 0.55 : 0.4 }}
            style={{ width: `${untagged * 100}%` }}
          />
        </Box>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 0.5 }}>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {formatPercent(share, locale)} tagged · {props.covered}
          </Typography>
          <Typography
            variant="caption"
            sx={{ color: warn ? 'warning.main' : 'text.secondary', fontWeight: warn ? 600 : 400 }}
          >
            {formatPercent(untagged, locale)} untagged
          </Typography>
        </Box>
      </Box>
      <Chip
        size="small"
        variant="outlined"
        label="Explore"
        icon={<ArrowForward />}
        sx={{ justifySelf: 'end', pointerEvents: 'none' }}
      />
    </ListItemButton>
  )
}
