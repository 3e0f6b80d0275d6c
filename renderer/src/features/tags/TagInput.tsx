import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TagListItem } from '../../../../shared/contract/tags';
import { useT } from '../../store';
import { ColorDot } from './TagChip';
import { matchTags, nearDuplicate } from './tag-match';

export type TagPick = { tagId: string; name: string } | { newName: string };

interface TagInputProps {
  /** Accessible name of the field. */
  label: string;
  tags: readonly TagListItem[];
  /** Tags already on the story (not offered again). */
  exclude?: ReadonlySet<string>;
  onPick(pick: TagPick): void;
  disabled?: boolean;
}

/**
 * A combobox (ARIA 1.2 pattern, `aria-autocomplete="list"`): typing lists
 * matching tags, arrows move through them, Enter adds the highlighted one — or
 * the tag with exactly the typed name, or a new tag of that name.
 */
export function TagInput({ label, tags, exclude, onPick, disabled }: TagInputProps) {
  const t = useT();
  const id = useId();
  const listId = `${id}-options`;
  const helpId = `${id}-help`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** A new name that is nearly an existing tag's: asked before it is created. */
  const [near, setNear] = useState<{ newName: string; tag: TagListItem } | null>(null);

  const matches = useMemo(() => matchTags(tags, text, exclude), [tags, text, exclude]);
  const trimmed = text.trim();
  // The options as shown: matching tags, then "Create tag …" when the name is new.
  const options: TagPick[] = [
    ...matches.tags.map((tag) => ({ tagId: tag.id, name: tag.name })),
    ...(matches.canCreate && trimmed ? [{ newName: trimmed }] : []),
  ];
  const expanded = open && options.length > 0;

  function pick(choice: TagPick, force = false) {
    if ('newName' in choice && !force) {
      const similar = nearDuplicate(tags, choice.newName);
      if (similar) {
        setNear({ newName: choice.newName, tag: similar });
        setOpen(false);
        return;
      }
    }
    setNear(null);
    onPick(choice);
    setText('');
    setActive(-1);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        setOpen(true);
        setActive((index) => (options.length ? (index + 1) % options.length : -1));
        break;
      case 'ArrowUp':
        setOpen(true);
        setActive((index) => (options.length ? (index <= 0 ? options.length - 1 : index - 1) : -1));
        break;
      case 'Enter': {
        const highlighted = expanded && active >= 0 ? options[active] : undefined;
        if (highlighted) pick(highlighted);
        else if (matches.exact) {
          // Typed a tag the story already has: nothing to add.
          if (!exclude?.has(matches.exact.id)) pick({ tagId: matches.exact.id, name: matches.exact.name });
          else setText('');
        } else if (trimmed) pick({ newName: trimmed });
        else return;
        break;
      }
      case 'Escape':
        // First Escape closes the list, the next clears the field; only then may a dialog close.
        if (expanded) setOpen(false);
        else if (text) setText('');
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="tag-input">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={helpId}
        placeholder={t.tags('addTagPlaceholder')}
        value={text}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setNear(null);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={helpId} className="visually-hidden">
        {t.tags('tagSuggestHelp')}
      </span>
      {near && (
        <div className="near-duplicate" role="alert">
          <span>{t.tags('nearDuplicate', { name: near.tag.name })}</span>
          {!exclude?.has(near.tag.id) && (
            <button type="button" className="button small primary" onClick={() => pick({ tagId: near.tag.id, name: near.tag.name })}>
              {t.tags('useExisting', { name: near.tag.name })}
            </button>
          )}
          <button type="button" className="button small" onClick={() => pick({ newName: near.newName }, true)}>
            {t.tags('createAnyway', { name: near.newName })}
          </button>
        </div>
      )}
      <ul id={listId} role="listbox" aria-label={t.tags('tagOptionsLabel')} className="tag-options" hidden={!expanded}>
        {options.map((option, index) => {
          const tag = 'tagId' in option ? tags.find((candidate) => candidate.id === option.tagId) : undefined;
          return (
            <li
              key={'tagId' in option ? option.tagId : `new:${option.newName}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'tag-option is-active' : 'tag-option'}
              // Keep focus in the field: the click picks, the blur would close first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              {'tagId' in option ? (
                <>
                  <ColorDot color={tag?.color ?? null} />
                  <span>{option.name}</span>
                  {tag && <span className="tag-option-count">{tag.count}</span>}
                </>
              ) : (
                <span className="tag-option-new">{t.tags('createTagOption', { name: option.newName })}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
