import type { ServiceError } from '../../../../shared/contract/envelope';
import type { StoryOrigin, SyncConflict, SyncProbeResult, SyncStatus } from '../../../../shared/contract/sync';
import type { LoadState } from '../../store/load-state';

export interface ShareInput {
  url: string;
  user: string;
  /** Sent to the process that syncs, which holds it in memory for the session; never kept here. */
  password: string;
  /** "Remember password on this computer" ticked (true) or unticked (false). */
  remember?: boolean;
}

export interface TeamSlice {
  /** `sync.status`, refreshed by the change feed's `{sync: true}` (never polled). */
  teamStatus: SyncStatus | null;
  shareOpen: boolean;
  conflicts: SyncConflict[];
  conflictsState: LoadState;
  conflictsError: ServiceError | null;
  /** Headlines and dossier titles of the conflicts' records, by id. */
  conflictTitles: Record<string, string>;
  /** The open story's latest edit from a colleague ("changed by … at …"). */
  storyOrigin: { id: string; origin: StoryOrigin | null } | null;
  loadStoryOrigin(id: string): Promise<void>;
  loadTeamStatus(): Promise<void>;
  openShare(): void;
  closeShare(): void;
  /** "Test connection": throws a ServiceError only when the call itself failed. */
  testShare(input: Partial<ShareInput>): Promise<SyncProbeResult>;
  /** Throws a ServiceError (reason `sync.refused`) when the desk refused. */
  connectShare(input: Partial<ShareInput>): Promise<void>;
  /** `forget`: the password remembered on this computer goes too. */
  disconnectShare(forget?: boolean): Promise<void>;
  /** Forgets the password remembered on this computer. */
  forgetShare(): Promise<void>;
  openConflicts(): void;
  loadConflicts(): Promise<void>;
  /** Throws a ServiceError. */
  resolveConflict(conflictId: string, take: string): Promise<void>;
}
