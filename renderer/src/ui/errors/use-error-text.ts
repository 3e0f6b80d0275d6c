import { useCallback } from 'react';
import type { ServiceErrorData } from '../../../../shared/contract/envelope';
import { useApp } from '../../store/context';
import { errorText } from './error-text';

/** `errorText` in the language the editor chose. */
export function useErrorText(): (error: Pick<ServiceErrorData, 'code' | 'message' | 'reason'>) => string {
  const language = useApp((state) => state.language);
  return useCallback((error) => errorText(language, error), [language]);
}
