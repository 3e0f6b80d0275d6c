import 'i18next';
import type { resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: (typeof resources)['en'];
    defaultNS: false;
    // Keys are flat: `tag.apply` is one key (a history code), not a path.
    keySeparator: false;
    nsSeparator: false;
  }
}
