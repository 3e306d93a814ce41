/** A decoded image: RGBA pixels, row after row, and how many channels the file really has (1, 3 or 4). */
export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
  channels: 1 | 3 | 4;
}
