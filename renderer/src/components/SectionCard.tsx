// A dashboard card with a clear heading, an optional action, and a thin progress line while its
// data refreshes (the previous figures stay visible meanwhile).
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import CardHeader from '@mui/material/CardHeader'
import LinearProgress from '@mui/material/LinearProgress'
import type { SxProps, Theme } from '@mui/material/styles'
import type { ReactNode } from 'react'

interface SectionCardProps {
  title: ReactNode
  subheader?: ReactNode
  action?: ReactNode
  busy?: boolean
  children: ReactNode
  sx?: SxProps<Theme>
  contentSx?: SxProps<Theme>
  'data-testid'?: string
}

export function SectionCard(props: SectionCardProps) {
  return (
    <Card
      component="section"
      sx={[
        { position: 'relative', display: 'flex', flexDirection: 'column' },
        ...(Array.isArray(props.sx) ? props.sx : [props.sx]),
      ]}
      data-testid={props['data-testid']}
      aria-busy={props.busy || undefined}
    >
      {props.busy && (
        <LinearProgress
          aria-label="Refreshing"
          sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: 2 }}
        />
      )}
      <CardHeader
        title={props.title}
        subheader={props.subheader}
        action={props.action}
        slotProps={{ title: { component: 'h2' } }}
        sx={{ '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
      />
      <CardContent
        sx={[
          { flex: 1, minHeight: 0 },
          ...(Array.isArray(props.contentSx) ? props.contentSx : [props.contentSx]),
        ]}
      >
        {props.children}
      </CardContent>
    </Card>
  )
}
