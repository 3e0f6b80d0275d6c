import { toServiceError } from '../../client';
import { latestAnswer } from '../../store/latest-answer';
import type { SliceCreator } from '../../store/types';
import type { VersionsSlice } from './versions-types';

export const createVersionsSlice: SliceCreator<VersionsSlice> = (set, get, { client }) => {
  const railAnswer = latestAnswer();
  const versionAnswer = latestAnswer();
  const diffAnswer = latestAnswer();
  return {
    versionsOf: null,
    versions: [],
    olderVersion: null,
    olderVersionError: null,
    versionDiff: null,

    async loadVersions(id) {
      if (get().versionsOf !== id) {
        versionAnswer.drop();
        diffAnswer.drop();
        set({ versionsOf: id, versions: [], olderVersion: null, olderVersionError: null, versionDiff: null });
      }
      await railAnswer.load(
        () => client.call('story.versions', { id }),
        (versions) => {
          if (get().versionsOf === id) set({ versions });
        },
        () => {
          // Without the rail the reader still shows the newest text; nothing to offer.
          if (get().versionsOf === id) set({ versions: [] });
        },
      );
    },

    async showVersion(version) {
      const id = get().versionsOf;
      if (!id) return;
      const latest = get().versions.at(-1)?.version;
      if (version === null || version === latest) {
        versionAnswer.drop();
        set({ olderVersion: null, olderVersionError: null });
        return;
      }
      await versionAnswer.load(
        () => client.call('story.version', { id, version }),
        (story) => set({ olderVersion: story, olderVersionError: null }),
        (error) => set({ olderVersion: null, olderVersionError: toServiceError(error) }),
      );
    },

    async compareVersions(from, to) {
      const id = get().versionsOf;
      if (!id) return;
      set({ versionDiff: { from, to, state: 'loading', parts: get().versionDiff?.parts ?? [], error: null } });
      await diffAnswer.load(
        () => client.call('story.diff', { id, from, to }),
        (parts) => set({ versionDiff: { from, to, state: 'ready', parts, error: null } }),
        (error) => set({ versionDiff: { from, to, state: 'error', parts: [], error: toServiceError(error) } }),
      );
    },

    closeCompare() {
      diffAnswer.drop();
      set({ versionDiff: null });
    },
  };
};
