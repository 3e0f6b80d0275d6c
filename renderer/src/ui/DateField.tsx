import { useId, useState } from 'react';
import { useTranslator } from '../i18n/use-translator';
import { useApp } from '../store';
import { formatDayInput, maskDayInput, parseDayInput, type DayInput } from './day-input';

export interface DateFieldProps {
  id?: string;
  /** The day held (ISO `YYYY-MM-DD`), or '' for none. */
  value: string;
  /** Every edit: the day typed, none, or not (yet) a day. */
  onChange(input: DayInput): void;
  disabled?: boolean;
  invalid?: boolean;
  /** Ids of further descriptions (an error message); the format hint is always added. */
  describedBy?: string;
  className?: string;
  /** Where no <label> names the field. */
  ariaLabel?: string;
}

/**
 * A day typed in the UI language's order (dd-mm-jjjj in Dutch, dd/mm/yyyy in English),
 * whatever the browser's locale: a text field with a mask and validation (day-input.ts).
 */
export function DateField({ id, value, onChange, disabled, invalid, describedBy, className, ariaLabel }: DateFieldProps) {
  const td = useTranslator('dates');
  const language = useApp((s) => s.language);
  const hintId = useId();
  const [text, setText] = useState(() => (value ? formatDayInput(value, language) : ''));

  // A new day from outside (saved, undone, a filter cleared) is shown; what the editor is
  // typing is left alone while it says the same (or, for no day, is not a day yet). Another
  // UI language writes a day its way. (Adjusted while rendering, as React advises, not in an effect.)
  const [seen, setSeen] = useState({ value, language });
  if (seen.value !== value || seen.language !== language) {
    let next = text;
    const typed = parseDayInput(text);
    if (seen.value !== value) {
      const same = value === '' ? typed.kind !== 'day' : typed.kind === 'day' && typed.iso === value;
      if (!same) next = value ? formatDayInput(value, language) : '';
    }
    if (seen.language !== language) {
      const now = parseDayInput(next);
      if (now.kind === 'day') next = formatDayInput(now.iso, language);
    }
    setSeen({ value, language });
    if (next !== text) setText(next);
  }

  return (
    <>
      <input
        id={id}
        type="text"
        className={className ? `date-field ${className}` : 'date-field'}
        value={text}
        placeholder={td('inputPattern')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={24}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => {
          const next = maskDayInput(text, event.target.value, language);
          setText(next);
          onChange(parseDayInput(next));
        }}
        onBlur={() => {
          // A day typed another way (7.9.2023, an ISO date) is shown the language's way.
          const typed = parseDayInput(text);
          if (typed.kind === 'day') setText(formatDayInput(typed.iso, language));
        }}
      />
      <span id={hintId} className="visually-hidden">
        {td('inputHint', { pattern: td('inputPattern') })}
      </span>
    </>
  );
}
