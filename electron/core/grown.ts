/**
 * A copy of `array` with room for at least `least` numbers and at least twice as many as it
 * had (grown number by number, a column would be copied over and over), the rest zero.
 */
export function grownInt32(array: Int32Array, least = 0): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(least, array.length * 2));
  grown.set(array);
  return grown;
}
