import type { BodyBlock } from '../../../../shared/types';

// One agency item as Kroniek understands it, whatever format it came in
// (ninjs 1.x/2.x/3.x, NewsML-G2 newsItem, or one item of a newsMessage).
// The format parsers (`ninjs.ts`, `newsml-g2.ts`) produce these; the importer
// turns them into stories and versions. Plain data, no sentences: problems are
// codes with parameters, worded by the renderer, the CLI and exports.

export type WireFormat = 'ninjs-1' | 'ninjs-2' | 'ninjs-3' | 'newsml-g2';

/** IPTC pubStatus, folded: `usable`, `withheld`, `canceled` (ninjs and G2 spell them differently). */
export type WirePubStatus = 'usable' | 'withheld' | 'canceled';

/** What a version says about itself (G2 `signal`, ninjs `signal`/`ednote` conventions). */
export type WireSignal = 'update' | 'correction' | 'kill';

export interface WireName {
  name: string;
  /** Code or URI from the feed, e.g. `medtop:20000621`, `http://cv.iptc.org/newscodes/mediatopic/…`; null when none. */
  code: string | null;
}

export interface WireRights {
  copyrightHolder: string | null;
  copyrightNotice: string | null;
  usageTerms: string | null;
  /** Link to a machine-readable rights statement (ninjs `rightsinfo.linkedrights` / `rightsInfo.linkedRights`); absent or null when none. */
  linkedRights?: string | null;
}

export interface WireInfoSource {
  name: string;
  /** e.g. `originfo`, `source`, `cpnat:poolcoordinator`; null when the feed gives none. */
  role: string | null;
  uri: string | null;
}

export interface WireItem {
  format: WireFormat;
  /** Stable identity of the story across versions: ninjs `uri`/`guid`, G2 `guid`. */
  guid: string;
  /** Version number (positive integer); null when the feed carries none. */
  version: number | null;
  /** ISO-8601 with offset as given (normalised to `Z` when the feed gives UTC); null when absent. */
  firstCreated: string | null;
  versionCreated: string | null;
  pubStatus: WirePubStatus;
  signals: WireSignal[];
  /** ISO-8601 instant; null when not embargoed. */
  embargoedUntil: string | null;
  /** Editorial note from the agency (G2 `edNote`, ninjs `ednote`), plain text. */
  edNote: string | null;
  headline: string;
  /** Second headline / sub headline when the feed has one. */
  subheadline: string | null;
  slugline: string | null;
  byline: string | null;
  /** Dateline as printed (`AMSTERDAM (ANP) -` style or `located`); place only, upper-cased as Kroniek shows datelines. */
  datelinePlace: string | null;
  /** Provider / agencies credited (e.g. `ANP`, `dpa`), in order. */
  agencies: string[];
  /** BCP-47 language of the item, lower-cased (`nl`, `en-us`); null when absent. */
  language: string | null;
  /** Body, already sanitised to Kroniek's paragraph/heading model (never markup). */
  body: BodyBlock[];
  /** IPTC subjects (Media Topics and others): code kept so `medtop:` codes map onto tags. */
  subjects: WireName[];
  persons: WireName[];
  organisations: WireName[];
  places: WireName[];
  infoSources: WireInfoSource[];
  rights: WireRights;
  /** Guids of the items this one packages (ninjs associations, G2 package groups); empty for a text item. */
  packageMembers: string[];
}

/** Why a file or item could not be read, as a code with parameters (worded elsewhere). */
export type WireProblem =
  | { code: 'wire.invalidJson'; detail: string }
  | { code: 'wire.invalidXml'; detail: string }
  | { code: 'wire.doctypeRefused' }
  | { code: 'wire.schema'; format: WireFormat; path: string; detail: string }
  | { code: 'wire.unknownNinjsVersion'; value: string }
  | { code: 'wire.noGuid' }
  | { code: 'wire.noText' }
  | { code: 'wire.notTextItem'; itemClass: string }
  | { code: 'wire.encoding'; detail: string }
  /** JSON that is not ninjs, or XML whose root is not a NewsML-G2 item (`root` is the root element's local name; '' for JSON). */
  | { code: 'wire.unknownFormat'; kind: 'json' | 'xml'; root: string };

/** What a file held: its items (a newsMessage or a ninjs package can hold several) and per-item problems. */
export interface WireParseResult {
  items: WireItem[];
  /** A package record when the file was a package (ninjs associations / G2 packageItem), else null. */
  package: { guid: string; headline: string; members: string[] } | null;
  /** Problems with single items that were skipped; a file-level failure is `{ ok: false }` instead. */
  skipped: WireProblem[];
}

export type WireParse = { ok: true; result: WireParseResult } | { ok: false; problem: WireProblem };
