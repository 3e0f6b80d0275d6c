import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { MEDIA_TOPIC, type TagListItem } from '../../../../shared/contract/tags';
import type { Translators } from '../../i18n/translate';
import { useApp, useT } from '../../store';
import { subtreeIds, TAG_PALETTE } from './palette';
import { Dialog } from '../../ui/Dialog';
import { ColorDot } from './TagChip';
import { nearDuplicate } from './tag-match';
import { useErrorText } from '../../ui/errors/use-error-text';

type Mode = { kind: 'new' } | { kind: 'edit'; id: string };

/** Create, rename, recolour, re-parent, merge and delete tags. Every change is one undo step. */
export function TagManager() {
  const t = useT();
  const errorText = useErrorText();
  const open = useApp((s) => s.tagManagerOpen);
  const tags = useApp((s) => s.tags);
  const close = useApp((s) => s.closeTagManager);
  const feedback = useApp((s) => s.editFeedback);
  const [mode, setMode] = useState<Mode>({ kind: 'new' });
  const newButton = useRef<HTMLButtonElement>(null);
  if (!open) return null;

  // After a merge or delete the edited tag is gone, and with it the focused button: keep focus in the dialog.
  const onGone = () => {
    setMode({ kind: 'new' });
    requestAnimationFrame(() => newButton.current?.focus());
  };

  const editing = mode.kind === 'edit' ? (tags.find((tag) => tag.id === mode.id) ?? null) : null;
  // The tag went away (merged, deleted, undone): back to a new one.
  const shown: Mode = mode.kind === 'edit' && !editing ? { kind: 'new' } : mode;

  return (
    <Dialog titleId="tag-manager-title" onClose={close} className="tag-manager">
      <header className="dialog-header">
        <h2 id="tag-manager-title">{t.tags('tagManagerTitle')}</h2>
      </header>
      <div className="dialog-body tag-manager-body">
        <div className="tag-manager-list">
          <button ref={newButton} type="button" className="button small" aria-pressed={shown.kind === 'new'} onClick={() => setMode({ kind: 'new' })}>
            + {t.tags('newTagHeading')}
          </button>
          <ul aria-label={t.tags('tagListLabel')}>
            {tags.map((tag) => (
              <li key={tag.id} className={`depth-${Math.min(tag.depth, 5)}`}>
                <button type="button" className="tag-manager-item" aria-pressed={shown.kind === 'edit' && shown.id === tag.id} onClick={() => setMode({ kind: 'edit', id: tag.id })}>
                  <ColorDot color={tag.color} />
                  <span className="view-label">{tag.name}</span>
                  <span className="view-count">{tag.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="tag-manager-detail">
          {feedback?.kind === 'failed' && (
            <p className="field-error" role="alert">
              {t.tags('editFailed')}: {errorText(feedback.error)}
            </p>
          )}
          {editing ? (
            <EditTag key={editing.id} tag={editing} tags={tags} t={t} onGone={onGone} />
          ) : (
            <>
              <TagForm key="new" tags={tags} t={t} onCreated={(id) => setMode({ kind: 'edit', id })} />
              {tags.length > 0 && <p className="muted">{t.tags('pickTagToEdit')}</p>}
            </>
          )}
        </div>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={close}>
          {t.import('close')}
        </button>
      </footer>
    </Dialog>
  );
}

interface TagFormProps {
  tag?: TagListItem;
  tags: readonly TagListItem[];
  t: Translators;
  onCreated?(id: string): void;
}

/** Name, colour, parent and media topic: creates a tag, or saves only the fields that changed. */
function TagForm({ tag, tags, t, onCreated }: TagFormProps) {
  const createTag = useApp((s) => s.createTag);
  const updateTag = useApp((s) => s.updateTag);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const id = useId();
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState<string | null>(tag?.color ?? null);
  const [parentId, setParentId] = useState<string>(tag?.parentId ?? '');
  const [mediaTopic, setMediaTopic] = useState(tag?.mediaTopic ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [near, setNear] = useState<TagListItem | null>(null);
  // A tag cannot go under itself or its own sub-tags.
  const parents = useMemo(() => {
    const blocked = tag ? subtreeIds(tags, tag.id) : new Set<string>();
    return tags.filter((candidate) => !blocked.has(candidate.id));
  }, [tags, tag]);

  async function onSubmit(event: FormEvent | null, force = false) {
    event?.preventDefault();
    const topic = mediaTopic.trim();
    if (!name.trim()) return setProblem(t.tags('tagName'));
    if (topic && !MEDIA_TOPIC.test(topic)) return setProblem(t.tags('mediaTopicHelp'));
    setProblem(null);
    // A new name that is nearly an existing tag's (`Kim Jong Un` next to `Kim Jong-un`): asked first.
    const similar = !tag && !force ? nearDuplicate(tags, name) : null;
    setNear(similar);
    if (similar) return;
    const fields = { name: name.trim(), color, parentId: parentId || null, mediaTopic: topic || null };
    if (!tag) {
      const created = await createTag(fields);
      if (created) onCreated?.(created.id);
      return;
    }
    const changed: Parameters<typeof updateTag>[0] = { id: tag.id };
    if (fields.name !== tag.name) changed.name = fields.name;
    if (fields.color !== tag.color) changed.color = fields.color;
    if (fields.parentId !== tag.parentId) changed.parentId = fields.parentId;
    if (fields.mediaTopic !== tag.mediaTopic) changed.mediaTopic = fields.mediaTopic;
    if (Object.keys(changed).length > 1) await updateTag(changed);
  }

  return (
    <form className="tag-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tag ? t.tags('editTagHeading', { name: tag.name }) : t.tags('newTagHeading')}</h3>
      <label className="field">
        <span className="field-label">{t.tags('tagName')}</span>
        <input
          type="text"
          value={name}
          required
          maxLength={200}
          onChange={(event) => {
            setName(event.target.value);
            setNear(null);
          }}
          data-autofocus={tag ? undefined : true}
        />
      </label>
      {near && (
        <div className="near-duplicate" role="alert">
          <span>{t.tags('nearDuplicate', { name: near.name })}</span>
          <button type="button" className="button small primary" onClick={() => onCreated?.(near.id)}>
            {t.tags('useExisting', { name: near.name })}
          </button>
          <button type="button" className="button small" onClick={() => void onSubmit(null, true)}>
            {t.tags('createAnyway', { name: name.trim() })}
          </button>
        </div>
      )}
      <fieldset className="field palette">
        <legend className="field-label">{t.tags('tagColor')}</legend>
        <label className="swatch" title={t.tags('noColor')}>
          <input type="radio" name={`${id}-color`} checked={color === null} onChange={() => setColor(null)} aria-label={t.tags('noColor')} />
          <ColorDot color={null} />
        </label>
        {TAG_PALETTE.map((swatch) => (
          <label key={swatch} className="swatch" title={t.tags(`colorNames.${swatch}`) ?? swatch}>
            <input type="radio" name={`${id}-color`} checked={color === swatch} onChange={() => setColor(swatch)} aria-label={t.tags(`colorNames.${swatch}`) ?? swatch} />
            <ColorDot color={swatch} />
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">{t.tags('tagParent')}</span>
        <select value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <option value="">{t.tags('noParent')}</option>
          {parents.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {'\u00a0\u00a0'.repeat(candidate.depth)}
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t.tags('mediaTopic')}</span>
        <input type="text" value={mediaTopic} placeholder="medtop:20000638" onChange={(event) => setMediaTopic(event.target.value)} aria-describedby={`${id}-topic-help`} />
        <span id={`${id}-topic-help`} className="field-help">
          {t.tags('mediaTopicHelp')}
        </span>
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button primary" disabled={readOnly}>
        {tag ? t.tags('saveTag') : t.tags('createTag')}
      </button>
    </form>
  );
}

function EditTag({ tag, tags, t, onGone }: { tag: TagListItem; tags: readonly TagListItem[]; t: Translators; onGone(): void }) {
  const mergeTag = useApp((s) => s.mergeTag);
  const deleteTag = useApp((s) => s.deleteTag);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const [intoId, setIntoId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [confirmingMerge, setConfirmingMerge] = useState(false);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  // The confirmation takes focus, so Enter/Escape act on it and screen readers hear the count.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (confirmingMerge) mergeButton.current?.focus();
  }, [confirmingMerge]);
  const into = tags.find((other) => other.id === intoId) ?? null;
  const others = tags.filter((other) => other.id !== tag.id);

  return (
    <>
      <TagForm tag={tag} tags={tags} t={t} />
      <section className="tag-danger" aria-labelledby={`${id}-merge`}>
        <form
          className="merge-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (intoId) setConfirmingMerge(true);
          }}
        >
          <label className="field grow">
            <span className="field-label" id={`${id}-merge`}>
              {t.tags('mergeInto')}
            </span>
            <select
              value={intoId}
              onChange={(event) => {
                setIntoId(event.target.value);
                setConfirmingMerge(false);
              }}
            >
              <option value="">{t.tags('chooseTag')}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name} ({t.tags('storiesCount', { count: other.count })})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={readOnly || !intoId}>
            {t.tags('mergeButton')}
          </button>
        </form>
        {confirmingMerge && into && (
          <div className="confirm" role="group" aria-labelledby={`${id}-merge-confirm`}>
            <p id={`${id}-merge-confirm`}>
              <strong>{t.tags('mergeConfirmTitle')}</strong> {t.tags('mergeConfirmText', { from: tag.name, into: into.name, count: tag.count })}
            </p>
            <div className="confirm-actions">
              <button type="button" className="button" onClick={() => setConfirmingMerge(false)}>
                {t.tags('cancel')}
              </button>
              <button ref={mergeButton} type="button" className="button primary" onClick={() => void mergeTag(tag.id, into.id).then((ok) => ok && onGone())}>
                {t.tags('mergeButton')}
              </button>
            </div>
          </div>
        )}
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>{t.tags('confirmDeleteTag', { name: tag.name, count: tag.count })}</p>
            <div className="confirm-actions">
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t.tags('cancel')}
              </button>
              <button ref={confirmButton} type="button" className="button danger" onClick={() => void deleteTag(tag.id).then((ok) => ok && onGone())}>
                {t.tags('confirmDelete')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button danger-outline" disabled={readOnly} onClick={() => setConfirming(true)}>
            {t.tags('deleteTag')}
          </button>
        )}
      </section>
    </>
  );
}
