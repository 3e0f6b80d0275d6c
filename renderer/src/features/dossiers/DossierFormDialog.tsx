import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CreateDossierInput } from '../../../../shared/contract/dossiers';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { TagListItem } from '../../../../shared/contract/tags';
import { useShallow } from 'zustand/react/shallow';
import { toServiceError } from '../../client';
import { useApp, useT } from '../../store';
import { selectedStoryIds, type DossierDialog } from './dossiers-slice';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';

type Source = 'selection' | 'tag' | 'series' | 'empty';

/** "New dossier" (title, subtitle, intro and where its stories come from) or "Edit dossier". */
export function DossierFormDialog({ mode, preset }: { mode: 'create' | 'edit'; preset?: Extract<DossierDialog, { kind: 'create' }> }) {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const close = useApp((s) => s.closeDossierDialog);
  const createDossier = useApp((s) => s.createDossier);
  const updateDossier = useApp((s) => s.updateDossier);
  const current = useApp((s) => (mode === 'edit' ? s.dossier?.dossier : undefined));

  const [title, setTitle] = useState(current?.title ?? '');
  const [subtitle, setSubtitle] = useState(current?.subtitle ?? '');
  const [intro, setIntro] = useState(current?.intro ?? '');
  const [titleMissing, setTitleMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServiceError | null>(null);
  const source = useSourceChoice(mode === 'create', preset);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setTitleMissing(true);
      document.getElementById(`${titleId}-title`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (mode === 'create') {
        await createDossier({ title, subtitle, intro, ...source.input() });
      } else if (current) {
        const changed = {
          ...(title !== current.title ? { title } : {}),
          ...(subtitle !== current.subtitle ? { subtitle } : {}),
          ...(intro !== current.intro ? { intro } : {}),
        };
        if (Object.keys(changed).length > 0) await updateDossier(changed);
        close();
      }
    } catch (caught) {
      setError(toServiceError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog titleId={titleId} onClose={close} className="dossier-dialog">
      <form className="dossier-form" onSubmit={(event) => void submit(event)} noValidate>
        <header className="dialog-header">
          <h2 id={titleId}>{mode === 'create' ? t.dossiers('createTitle') : t.dossiers('editTitle')}</h2>
        </header>
        <div className="dialog-body">
          <div className="form-field">
            <label htmlFor={`${titleId}-title`}>{t.dossiers('fieldTitle')}</label>
            <input
              id={`${titleId}-title`}
              type="text"
              value={title}
              required
              maxLength={200}
              aria-invalid={titleMissing && !title.trim() ? true : undefined}
              aria-describedby={titleMissing && !title.trim() ? `${titleId}-title-error` : undefined}
              onChange={(event) => setTitle(event.target.value)}
              data-autofocus
            />
            {titleMissing && !title.trim() && (
              <p id={`${titleId}-title-error`} className="field-error" role="alert">
                {t.dossiers('titleRequired')}
              </p>
            )}
          </div>
          <div className="form-field">
            <label htmlFor={`${titleId}-subtitle`}>{t.dossiers('fieldSubtitle')}</label>
            <input id={`${titleId}-subtitle`} type="text" value={subtitle} maxLength={200} onChange={(event) => setSubtitle(event.target.value)} />
          </div>
          <div className="form-field">
            <label htmlFor={`${titleId}-intro`}>{t.dossiers('fieldIntro')}</label>
            <textarea id={`${titleId}-intro`} value={intro} rows={5} aria-describedby={`${titleId}-intro-hint`} onChange={(event) => setIntro(event.target.value)} />
            <p id={`${titleId}-intro-hint`} className="field-hint">
              {t.dossiers('introHint')}
            </p>
          </div>
          {mode === 'create' && <SourceFieldset choice={source} idPrefix={titleId} />}
          {error && (
            <div className="dialog-error" role="alert">
              <p className="error-title">{mode === 'create' ? t.dossiers('createFailed') : t.dossiers('editFailed')}</p>
              <p className="error-message">{errorText(error)}</p>
            </div>
          )}
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={close}>
            {t.dossiers('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || (mode === 'create' && !source.ready)}>
            {busy ? (mode === 'create' ? t.dossiers('creating') : t.dossiers('saving')) : mode === 'create' ? t.dossiers('create') : t.dossiers('save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

interface SourceChoice {
  source: Source;
  setSource(source: Source): void;
  selection: string[];
  /** Headline of the open story when the "selection" is just that story. */
  openHeadline: string | null;
  openId: string | null;
  tags: TagListItem[] | null;
  tagId: string;
  setTagId(id: string): void;
  /** Stories in the open story's series; null while looking it up, 0 without an open story. */
  seriesSize: number | null;
  /** False while the chosen source cannot be used yet (no tag picked, no series). */
  ready: boolean;
  input(): Pick<CreateDossierInput, 'storyIds' | 'tagId' | 'seriesOf'>;
}

/** Where a new dossier's stories come from, with what each choice needs loaded. */
function useSourceChoice(active: boolean, preset?: Extract<DossierDialog, { kind: 'create' }>): SourceChoice {
  const selection = useApp(useShallow(selectedStoryIds));
  const openId = useApp((s) => s.openId);
  const story = useApp((s) => s.story);
  const dossierTagChoices = useApp((s) => s.dossierTagChoices);
  const dossierSeriesSize = useApp((s) => s.dossierSeriesSize);
  const [source, setSource] = useState<Source>(() => preset?.source ?? (selection.length > 0 ? 'selection' : 'empty'));
  const [tags, setTags] = useState<TagListItem[] | null>(null);
  const [tagId, setTagId] = useState(preset?.tagId ?? '');
  const [seriesSize, setSeriesSize] = useState<number | null>(openId ? null : 0);

  useEffect(() => {
    if (!active) return;
    let live = true;
    dossierTagChoices().then(
      (list) => live && setTags(list),
      () => live && setTags([]),
    );
    if (openId) {
      dossierSeriesSize(openId).then(
        (size) => live && setSeriesSize(size),
        () => live && setSeriesSize(0),
      );
    }
    return () => {
      live = false;
    };
  }, [active, openId, dossierTagChoices, dossierSeriesSize]);

  const openHeadline = selection.length === 1 && selection[0] === openId && story?.id === openId ? story.headline : null;
  const ready =
    source === 'empty' ||
    (source === 'selection' && selection.length > 0) ||
    (source === 'tag' && tagId !== '') ||
    (source === 'series' && openId !== null && (seriesSize ?? 0) > 1);

  return {
    source,
    setSource,
    selection,
    openHeadline,
    openId,
    tags,
    tagId,
    setTagId,
    seriesSize,
    ready,
    input() {
      if (source === 'selection') return { storyIds: selection };
      if (source === 'tag' && tagId) return { tagId };
      if (source === 'series' && openId) return { seriesOf: openId };
      return {};
    },
  };
}

function SourceFieldset({ choice, idPrefix }: { choice: SourceChoice; idPrefix: string }) {
  const t = useT();
  const story = useApp((s) => s.story);
  const radio = (value: Source, label: string, disabled = false) => (
    <label className={disabled ? 'radio-option is-disabled' : 'radio-option'}>
      <input type="radio" name={`${idPrefix}-source`} value={value} checked={choice.source === value} disabled={disabled} onChange={() => choice.setSource(value)} />
      <span>{label}</span>
    </label>
  );
  const seriesHeadline = story && story.id === choice.openId ? story.headline : null;
  const noSeries = choice.openId === null || (choice.seriesSize !== null && choice.seriesSize < 2);

  return (
    <fieldset className="form-fieldset">
      <legend>{t.dossiers('sourceLegend')}</legend>
      {radio('selection', choice.openHeadline ? `${t.dossiers('sourceOpenStory')}: “${choice.openHeadline}”` : t.dossiers('sourceSelection', { count: choice.selection.length }), choice.selection.length === 0)}

      {radio('tag', t.dossiers('sourceTag'), choice.tags !== null && choice.tags.length === 0)}
      {choice.source === 'tag' && (
        <div className="radio-detail">
          {choice.tags && choice.tags.length > 0 ? (
            <label className="inline-field">
              <span>{t.dossiers('tagLabel')}</span>
              <select value={choice.tagId} onChange={(event) => choice.setTagId(event.target.value)}>
                <option value="" disabled>
                  —
                </option>
                {choice.tags.map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {'\u2003'.repeat(tag.depth)}
                    {t.dossiers('tagOption', { name: tag.name, count: tag.count })}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="field-hint">{t.dossiers('noTags')}</p>
          )}
        </div>
      )}

      {radio('series', t.dossiers('sourceSeries'), noSeries)}
      <p className="radio-detail field-hint">
        {choice.openId === null || (choice.seriesSize !== null && choice.seriesSize < 2)
          ? t.dossiers('seriesNone')
          : choice.seriesSize === null
            ? t.dossiers('seriesLoading')
            : t.dossiers('seriesOf', { headline: seriesHeadline ?? '', count: choice.seriesSize })}
      </p>

      {radio('empty', t.dossiers('sourceEmpty'))}
    </fieldset>
  );
}
