/**
 * What the e-book takes from the print edition of the same build, passed on by the
 * orchestrator: where each print page starts (for the e-book's page list) and the
 * title page as a picture (for its cover).
 */
export interface PrintLayout {
  readonly pageStarts: readonly PageStart[];
  /** The laid-out title page as PNG, when a cover was asked for. */
  readonly coverPng: Uint8Array | undefined;
}

/** Where a print page starts: in the block numbered `block`, after `offset` characters of its text. */
export interface PageStart {
  readonly page: number;
  /** The page's folio where it is not its number (`iv` in front matter, `1` where the body starts again). */
  readonly label?: string;
  readonly block: string;
  readonly offset: number;
}
