import { useId, useState, type FormEvent } from 'react';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { SyncProbeResult } from '../../../../shared/contract/sync';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errors/use-error-text';
import { SyncStatusLines, syncStateText } from './SyncIndicator';
import './team.css';

type Outcome = { kind: 'probe'; result: SyncProbeResult } | { kind: 'error'; title: string; error: ServiceError } | { kind: 'missing' } | { kind: 'disconnected' } | { kind: 'forgotten' };

/**
 * Share this library…: the desk database's address, the account and its password, Test
 * connection, Connect and Disconnect. The password lives only in this form's state until it is
 * sent; the process that syncs keeps it in memory for the session (never on disk, never in the
 * renderer's storage), so after a restart the editor types it again, unless "Remember password on
 * this computer" was ticked (kept encrypted outside the library by the app's credential store).
 */
export function ShareDialog() {
  const open = useApp((s) => s.shareOpen);
  if (!open) return null;
  return <ShareForm />;
}

function ShareForm() {
  const ts = useTranslator('sync');
  const errorText = useErrorText();
  const titleId = useId();
  const status = useApp((s) => s.teamStatus);
  const language = useApp((s) => s.language);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const close = useApp((s) => s.closeShare);
  const test = useApp((s) => s.testShare);
  const connect = useApp((s) => s.connectShare);
  const disconnect = useApp((s) => s.disconnectShare);
  const forget = useApp((s) => s.forgetShare);
  const [remember, setRemember] = useState(false);
  const [askForget, setAskForget] = useState(false);
  const rememberBlocked = status?.rememberUnavailable ?? null;
  const [url, setUrl] = useState(status?.remote ?? '');
  const [user, setUser] = useState(status?.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'test' | 'connect' | 'disconnect' | 'forget' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const connected = Boolean(status?.remote) && status?.state !== 'off';
  const remembered = Boolean(status?.remote) && status?.state === 'off';
  const complete = url.trim() !== '' && user.trim() !== '';

  async function run(kind: 'test' | 'connect' | 'disconnect' | 'forget', action: () => Promise<Outcome | null>) {
    setBusy(kind);
    setOutcome(null);
    try {
      setOutcome(await action());
    } finally {
      setBusy(null);
    }
  }

  const onTest = () =>
    run('test', async () => {
      if (!complete) return { kind: 'missing' };
      try {
        return { kind: 'probe', result: await test({ url, user, password }) };
      } catch (error) {
        return { kind: 'error', title: ts('connectFailed'), error: error as ServiceError };
      }
    });

  const onConnect = (event: FormEvent) => {
    event.preventDefault();
    void run('connect', async () => {
      if (!complete || !password) return { kind: 'missing' };
      try {
        await connect({ url, user, password, ...(remember && !rememberBlocked ? { remember: true } : {}) });
        setPassword('');
        return null;
      } catch (error) {
        return { kind: 'error', title: ts('connectFailed'), error: error as ServiceError };
      }
    });
  };

  const onForget = () =>
    void run('forget', async () => {
      try {
        await forget();
        return { kind: 'forgotten' };
      } catch (error) {
        return { kind: 'error', title: ts('disconnectFailed'), error: error as ServiceError };
      }
    });

  // Disconnect asks whether to forget a remembered password first.
  const onDisconnect = (forgetToo?: boolean) =>
    status?.remembered && forgetToo === undefined
      ? setAskForget(true)
      : void run('disconnect', async () => {
      setAskForget(false);
      try {
        await disconnect(forgetToo);
        return { kind: 'disconnected' };
      } catch (error) {
        return { kind: 'error', title: ts('disconnectFailed'), error: error as ServiceError };
      }
    });

  const ids = { url: `${titleId}-url`, user: `${titleId}-user`, password: `${titleId}-password` };
  const good = outcome?.kind === 'probe' && (outcome.result === 'ok' || outcome.result === 'read-only');

  return (
    <Dialog titleId={titleId} onClose={close} className="share-dialog">
      <form className="share-form" onSubmit={onConnect} noValidate>
        <header className="dialog-header">
          <h2 id={titleId}>{ts('title')}</h2>
        </header>
        <div className="dialog-body">
          <p className="field-hint share-intro">{ts('intro')}</p>
          {status?.remote && (
            <div className="share-current" data-state={status.state}>
              <p>{remembered ? ts('rememberedTo', { remote: status.remote, user: status.user ?? '' }) : ts('connectedTo', { remote: status.remote, user: status.user ?? '' })}</p>
              {connected && <p className="share-state">{syncStateText(ts, status, language)}</p>}
              {connected && <SyncStatusLines status={status} />}
            </div>
          )}
          <div className="form-field">
            <label htmlFor={ids.url}>{ts('url')}</label>
            <input id={ids.url} type="text" inputMode="url" autoComplete="url" spellCheck={false} value={url} maxLength={2000} onChange={(e) => setUrl(e.target.value)} aria-describedby={`${ids.url}-hint`} data-autofocus={status?.remote ? undefined : true} />
            <p id={`${ids.url}-hint`} className="field-hint">
              {ts('urlHint')}
            </p>
          </div>
          <div className="share-row">
            <div className="form-field">
              <label htmlFor={ids.user}>{ts('user')}</label>
              <input id={ids.user} type="text" autoComplete="username" spellCheck={false} value={user} maxLength={200} onChange={(e) => setUser(e.target.value)} aria-describedby={`${ids.user}-hint`} />
              <p id={`${ids.user}-hint`} className="field-hint">
                {ts('userHint')}
              </p>
            </div>
            <div className="form-field">
              <label htmlFor={ids.password}>{ts('password')}</label>
              <input id={ids.password} type="password" autoComplete="current-password" value={password} maxLength={1000} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${ids.password}-hint`} data-autofocus={status?.remote ? true : undefined} />
              <p id={`${ids.password}-hint`} className="field-hint">
                {ts('passwordHint')}
              </p>
            </div>
          </div>
          <div className="form-field share-remember">
            <label>
              <input type="checkbox" checked={remember && !rememberBlocked} disabled={rememberBlocked !== null} onChange={(e) => setRemember(e.target.checked)} aria-describedby={`${titleId}-remember-hint`} /> {ts('remember')}
            </label>
            <p id={`${titleId}-remember-hint`} className="field-hint">
              {rememberBlocked ? ts(`rememberUnavailable_${rememberBlocked}`) : ts('rememberHint')}
            </p>
            {status?.remembered && (
              <p className="share-remembered">
                {ts('remembered')}{' '}
                <button type="button" className="button small" disabled={busy !== null} onClick={onForget}>
                  {ts('forget')}
                </button>
              </p>
            )}
          </div>
          <div className="share-outcome" role="status" aria-live="polite">
            {outcome?.kind === 'probe' && <p className={good ? 'share-good' : 'share-bad'}>{ts(`probe_${outcome.result}`)}</p>}
            {outcome?.kind === 'missing' && <p className="share-bad">{ts('missing')}</p>}
            {outcome?.kind === 'disconnected' && <p className="share-good">{ts('disconnected')}</p>}
            {outcome?.kind === 'forgotten' && <p className="share-good">{ts('forgotten')}</p>}
          </div>
          {outcome?.kind === 'error' && (
            <div className="dialog-error" role="alert">
              <p className="error-title">{outcome.title}</p>
              <p className="error-message">{outcome.error.reason?.code === 'sync.refused' && outcome.error.reason.why === 'no-password' ? ts('connectError_no-password') : errorText(outcome.error)}</p>
            </div>
          )}
          {connected && <p className="field-hint">{ts('disconnectHint')}</p>}
          {askForget && (
            <div className="share-ask" role="group" aria-label={ts('disconnectAsk')}>
              <p>{ts('disconnectAsk')}</p>
              <button type="button" className="button danger-outline" disabled={busy !== null} onClick={() => onDisconnect(true)}>
                {ts('disconnectForget')}
              </button>{' '}
              <button type="button" className="button" disabled={busy !== null} onClick={() => onDisconnect(false)}>
                {ts('disconnectKeep')}
              </button>
            </div>
          )}
        </div>
        <footer className="dialog-footer share-footer">
          {connected && (
            <button type="button" className="button danger-outline share-disconnect" disabled={busy !== null} onClick={() => onDisconnect()}>
              {ts('disconnect')}
            </button>
          )}
          <button type="button" className="button" disabled={busy !== null} onClick={() => void onTest()}>
            {busy === 'test' ? ts('testing') : ts('test')}
          </button>
          <button type="submit" className="button primary" disabled={busy !== null || readOnly}>
            {busy === 'connect' ? ts('connecting') : connected || remembered ? ts('reconnect') : ts('connect')}
          </button>
          <button type="button" className="button" onClick={close}>
            {ts('close')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
