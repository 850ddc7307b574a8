// nivo's bars take focus (isFocusable) and show their tooltip, but act only on a mouse click. This
// bar also acts on Enter and Space, so a keyboard user can filter from the chart as from the table.
import { BarItem, type BarDatum, type BarItemProps } from '@nivo/bar'
import type { KeyboardEvent, MouseEvent } from 'react'

export function KeyboardBarItem<D extends BarDatum>(props: BarItemProps<D>) {
  const { bar, onClick } = props
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    // The chart's click handlers read only the datum.
    onClick?.({ color: bar.color, ...bar.data }, event as unknown as MouseEvent<SVGRectElement>)
  }
  return (
    <g onKeyDown={onKeyDown}>
      <BarItem {...props} />
    </g>
  )
}
