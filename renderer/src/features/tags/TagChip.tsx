import type { Tag } from '../../../../shared/types';

/** A tag's colour dot; the colour is set through CSSOM because the CSP forbids inline styles. */
export function ColorDot({ color }: { color: string | null }) {
  return (
    <span
      className={color ? 'tag-dot' : 'tag-dot is-empty'}
      aria-hidden="true"
      ref={(element) => {
        if (element) {
          if (color) element.style.setProperty('--tag-color', color);
          else element.style.removeProperty('--tag-color');
        }
      }}
    />
  );
}

/** A read-only tag label for list rows; the reader's chips add a remove button. */
export function TagChip({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return (
    <span className="tag-chip">
      <ColorDot color={tag.color} />
      <span className="tag-chip-name">{tag.name}</span>
    </span>
  );
}
