import type { ServiceError } from '../../../../shared/contract/envelope';
import type { DiffPart, Story, StoryVersionSummary } from '../../../../shared/types';

/** The comparison between two versions the reader shows. */
export interface VersionDiff {
  from: number;
  to: number;
  state: 'loading' | 'ready' | 'error';
  parts: DiffPart[];
  error: ServiceError | null;
}

/** A wire story's versions in the reader: the rail, an older version opened read-only, a comparison. */
export interface VersionsSlice {
  /** The story whose versions are loaded (the open story), or null. */
  versionsOf: string | null;
  versions: StoryVersionSummary[];
  /** An older version the editor opened (read-only); null shows the newest. */
  olderVersion: Story | null;
  olderVersionError: ServiceError | null;
  versionDiff: VersionDiff | null;
  /** Loads the rail for the open story (again after a new version arrived); drops an older version or comparison of another story. */
  loadVersions(id: string): Promise<void>;
  /** Opens version `version` read-only, or the newest again with null. */
  showVersion(version: number | null): Promise<void>;
  compareVersions(from: number, to: number): Promise<void>;
  closeCompare(): void;
}
