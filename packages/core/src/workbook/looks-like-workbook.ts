const SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .xlsx, .ods
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: .xls
];

/**
 * True when a file's first bytes are a ZIP or OLE container: a workbook (.xlsx, .ods, .xls),
 * or an archive that the workbook reader will refuse. Kept apart from the reader, which is
 * loaded only when this says yes.
 */
export function looksLikeWorkbook(head: Uint8Array): boolean {
  return SIGNATURES.some((sig) => sig.every((b, i) => head[i] === b));
}
