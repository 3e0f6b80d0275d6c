import { useMemo, useState, type FormEvent } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useT } from '../../store';
import { ColorDot } from '../tags/TagChip';
import { TagInput, type TagPick } from '../tags/TagInput';
import { DeleteSelectionButton } from '../trash/DeleteButtons';
import { Dialog } from '../../ui/Dialog';
import type { TagListItem } from '../../../../shared/contract/tags';
import { DateField } from '../../ui/DateField';
import type { DayInput } from '../../ui/day-input';
import { formatDay } from '../../ui/format';
import './selection.css';

/**
 * Shown while several stories are selected: how many, their tags (remove from
 * all at once), a tag input that adds to all, and linking them to another story.
 */
export function SelectionBar() {
  const t = useT();
  const selection = useApp((s) => s.selection);
  const items = useApp((s) => s.items);
  const tags = useApp((s) => s.tags);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const applyTags = useApp((s) => s.applyTags);
  const targetIds = useApp((s) => s.targetIds);
  const clearSelection = useApp((s) => s.clearSelection);
  const openLinkPicker = useApp((s) => s.openLinkPicker);
  const setStoriesDate = useApp((s) => s.setStoriesDate);
  const td = useTranslator('dates');
  const [date, setDate] = useState<DayInput>({ kind: 'empty' });
  const [dateInvalid, setDateInvalid] = useState(false);
  // What the last date edit did, said once it shows (undo is the history's Undo button).
  const [dated, setDated] = useState<{ count: number; date: string | null } | null>(null);
  const language = useApp((s) => s.language);

  // Tags on any selected (loaded) story, in tag-tree order.
  const onSelection = useMemo(() => {
    const ids = new Set<string>();
    for (const item of items) if (selection.ids.has(item.id)) for (const tagId of item.tagIds) ids.add(tagId);
    return tags.filter((tag) => ids.has(tag.id));
  }, [items, selection, tags]);
  // How many selected (loaded) stories have each tag: all of them, or some ("on 1 of 6").
  const { selectedCount, holders } = useMemo(() => {
    const selected = items.filter((item) => selection.ids.has(item.id));
    const byTag = new Map<string, string[]>();
    for (const item of selected) for (const tagId of item.tagIds) byTag.set(tagId, [...(byTag.get(tagId) ?? []), item.id]);
    return { selectedCount: selected.length, holders: byTag };
  }, [items, selection]);
  // Only tags every selected story has are "already there" for the input.
  const onAll = useMemo(
    () => new Set(onSelection.filter((tag) => selectedCount > 0 && (holders.get(tag.id)?.length ?? 0) === selectedCount).map((tag) => tag.id)),
    [onSelection, holders, selectedCount],
  );
  const [asking, setAsking] = useState<TagListItem | null>(null);

  const count = selection.ids.size;
  if (count < 2) return null;

  function onSetDate(event: FormEvent) {
    event.preventDefault();
    if (date.kind !== 'day') {
      setDateInvalid(true);
      return;
    }
    void setDates(date.iso);
  }

  async function setDates(day: string | null) {
    const ids = targetIds();
    setDated(null);
    if (await setStoriesDate(ids, day)) setDated({ count: ids.length, date: day });
  }

  function onPick(pick: TagPick) {
    void applyTags(targetIds(), 'tagId' in pick ? { addTagIds: [pick.tagId] } : { addNames: [pick.newName] });
  }

  return (
    <section className="selection-bar" aria-label={t.selection('selectionBarLabel')}>
      <div className="selection-bar-row">
        <p className="selection-count" aria-live="polite">
          {t.selection('selectedCount', { count })}
        </p>
        <button type="button" className="button small" onClick={() => openLinkPicker(targetIds())} disabled={readOnly}>
          {t.selection('linkSelection')}
        </button>
        <DeleteSelectionButton />
        <button type="button" className="button small" onClick={clearSelection}>
          {t.selection('clearSelection')}
        </button>
      </div>
      <form className="selection-bar-row selection-date" onSubmit={onSetDate}>
        <label htmlFor="selection-date" className="field-label">
          {td('selectionDateLabel', { count })}
        </label>{' '}
        <DateField
          id="selection-date"
          value={date.kind === 'day' ? date.iso : ''}
          disabled={readOnly}
          invalid={dateInvalid}
          describedBy={dateInvalid ? 'selection-date-error' : undefined}
          onChange={(input) => {
            setDate(input);
            setDateInvalid(false);
          }}
        />
        <button type="submit" className="button small" disabled={readOnly || date.kind === 'empty'}>
          {td('setSelectionDate')}
        </button>
        <button type="button" className="button small" disabled={readOnly} onClick={() => void setDates(null)}>
          {td('clearSelectionDate')}
        </button>
        {dateInvalid && (
          <p id="selection-date-error" className="field-error" role="alert">
            {td('invalidDay')}
          </p>
        )}
        <p className="selection-date-done muted" role="status">
          {dated && (dated.date ? td('selectionDated', { count: dated.count, date: formatDay(dated.date, language) }) : td('selectionUndated', { count: dated.count }))}
        </p>
      </form>
      <div className="selection-bar-row">
        <TagInput label={t.tags('addTagToSelectionLabel', { count })} tags={tags} exclude={onAll} onPick={onPick} disabled={readOnly} />
        {onSelection.length > 0 && (
          <ul className="chip-list" aria-label={t.tags('selectionTagsLabel')}>
            {onSelection.map((tag) => {
              const have = holders.get(tag.id)?.length ?? 0;
              const partial = !onAll.has(tag.id);
              const onSome = t.tags('tagOnSome', { count: have, total: selectedCount });
              return (
                <li key={tag.id} className={partial ? 'tag-chip is-removable is-partial' : 'tag-chip is-removable'}>
                  <ColorDot color={tag.color} />
                  <span className="tag-chip-name">{tag.name}</span>
                  {partial && <span className="tag-chip-partial">{onSome}</span>}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={partial ? t.tags('removePartialTag', { name: tag.name, onSome }) : t.tags('removeTag', { name: tag.name })}
                    disabled={readOnly}
                    onClick={() => (partial ? setAsking(tag) : void applyTags(targetIds(), { removeTagIds: [tag.id] }))}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {asking && (
        <PartialRemoveDialog
          tag={asking}
          holders={holders.get(asking.id) ?? []}
          total={selectedCount}
          onClose={() => setAsking(null)}
          onRemove={(ids) => void applyTags(ids, { removeTagIds: [asking.id] })}
          onAddAll={() => void applyTags(targetIds(), { addTagIds: [asking.id] })}
        />
      )}
    </section>
  );
}

/** A tag on some of the selected stories: remove it from those, add it to all, or leave it. */
function PartialRemoveDialog(props: { tag: TagListItem; holders: string[]; total: number; onClose(): void; onRemove(ids: string[]): void; onAddAll(): void }) {
  const t = useT();
  const { tag, holders, total } = props;
  return (
    <Dialog titleId="partial-remove-title" onClose={props.onClose} className="partial-remove-dialog">
      <header className="dialog-header">
        <h2 id="partial-remove-title">{t.tags('partialRemoveTitle', { name: tag.name })}</h2>
      </header>
      <div className="dialog-body">
        <p>{t.tags('partialRemoveText', { name: tag.name, count: holders.length, total })}</p>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={props.onClose} data-autofocus>
          {t.tags('partialDoNothing')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            props.onClose();
            props.onAddAll();
          }}
        >
          {t.tags('partialAddToAll', { count: total })}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            props.onClose();
            props.onRemove(holders);
          }}
        >
          {t.tags('partialRemoveFromSome', { count: holders.length })}
        </button>
      </footer>
    </Dialog>
  );
}
